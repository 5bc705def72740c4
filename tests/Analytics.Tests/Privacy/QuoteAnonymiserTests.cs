using System.Diagnostics;
using System.Globalization;
using Analytics.Privacy;

namespace Analytics.Tests.Privacy;

/// <summary>
/// Thank-you comments as customers really write them, each with the quote a report may print. The rule
/// the expectations follow: a name that addresses someone or signs the message goes; a name inside a
/// sentence becomes "[colleague]"; signatures, contact lines and mail-app footers go; null means the
/// comment is not quoted at all.
/// </summary>
public sealed class QuoteAnonymiserTests
{
    /// <summary>What the store knows: agents, and callers or contacts as a source with them would pass them.</summary>
    private static readonly string[] KnownNames =
    [
        "Kees Jansen", "Roos van Dijk", "Mark Bos", "Sanne de Vries", "Tim Bakker", "Ayşe Yılmaz", "Jan-Willem Smit",
        "Hoogland, Marieke", "Peter Zwart", "Ingrid Wolters", "Lucia Fernandes",
    ];

    private static readonly QuoteAnonymiser Anonymiser = new(KnownNames, "[colleague]");

    public static TheoryData<string, string?> Corpus => new()
    {
        // Names addressed in the thanks go, and so does the comma or space that joined them.
        { "Dank je wel Kees, super snel opgelost!", "Dank je wel, super snel opgelost!" },
        { "Thanks Tim, you saved my presentation! Sanne helped too.", "Thanks, you saved my presentation! [colleague] helped too." },
        { "Thank you so much Ayşe, you're a star ⭐", "Thank you so much, you're a star ⭐" },
        { "Thanks Tim and Mark, great teamwork!", "Thanks, great teamwork!" },
        { "Dank je wel Kees en Roos voor jullie geduld met mij 😅", "Dank je wel voor jullie geduld met mij 😅" },
        { "Great job Mark!", "Great job!" },
        { "thx kees!! werkt weer", "thx!! werkt weer" },
        { "Thanks Kees", "Thanks" },
        { "Eindelijk werkt de VPN weer. Roos, bedankt!", "Eindelijk werkt de VPN weer. Bedankt!" },
        { "Roos en Mark, jullie zijn toppers!", "Jullie zijn toppers!" },
        { "🙏🙏 Kees bedankt!!", "🙏🙏 bedankt!!" },
        { "@Kees thanks for the quick response!", "Thanks for the quick response!" },
        { "Helemaal top, Roos 😊", "Helemaal top 😊" },
        { "Bedankt voor de hulp, Peter Zwart", "Bedankt voor de hulp" },
        { "Goedemorgen Roos, dankjewel!!!", "Dankjewel!!!" },
        { "Wat een service! Dankjewel Tim 😍😍", "Wat een service! Dankjewel 😍😍" },
        { "Please mark this one as a great example, thanks Mark!", "Please mark this one as a great example, thanks!" },
        { "Het scherm bleef zwart maar nu doet alles het weer, bedankt ROOS", "Het scherm bleef zwart maar nu doet alles het weer, bedankt" },

        // Names inside a sentence become the placeholder, so the sentence still reads.
        { "Snel en vriendelijk geholpen door Roos, echt top 👍", "Snel en vriendelijk geholpen door [colleague], echt top 👍" },
        { "Mijn scherm bleef zwart, maar Mark had het binnen vijf minuten opgelost. Dank!", "Mijn scherm bleef zwart, maar [colleague] had het binnen vijf minuten opgelost. Dank!" },
        { "Sanne de Vries heeft mijn account binnen 10 minuten hersteld, top!", "[colleague] heeft mijn account binnen 10 minuten hersteld, top!" },
        { "Dank aan meneer Bakker voor zijn geduld", "Dank aan meneer [colleague] voor zijn geduld" },
        { "AYŞE heeft me enorm geholpen met mijn wachtwoord", "[colleague] heeft me enorm geholpen met mijn wachtwoord" },
        { "Jan-Willem heeft de hele migratie begeleid, geweldig!", "[colleague] heeft de hele migratie begeleid, geweldig!" },
        { "Dankzij Kees z'n uitleg snap ik het nu", "Dankzij [colleague] z'n uitleg snap ik het nu" },
        { "Ik heb Mark's uitleg bewaard, superhandig!", "Ik heb [colleague]'s uitleg bewaard, superhandig!" },
        { "Heel fijn dat Tim het nog opgelost heeft (zelfs na 17:00!). Petje af.", "Heel fijn dat [colleague] het nog opgelost heeft (zelfs na 17:00!). Petje af." },
        { "Compliment voor Kees en Roos van de servicedesk!", "Compliment voor [colleague] en [colleague] van de servicedesk!" },
        { "Tim heeft me geholpen, Roos ook. Bedankt allebei", "[colleague] heeft me geholpen, [colleague] ook. Bedankt allebei" },
        { "super bedankt kees en tim 👍", "super bedankt 👍" },
        { "Kees, Roos en Tim: bedankt!", "Bedankt!" },
        { "Bravo Kees!", "Bravo!" },
        { "Echt super, ook bedankt aan Ayse!", "Echt super, ook bedankt aan [colleague]!" },
        { "Thanks to Kees for the quick fix", "Thanks to [colleague] for the quick fix" },

        // Words that are also names, and names inside other words, stay.
        { "Hele bos tickets in één keer afgehandeld, petje af!", "Hele bos tickets in één keer afgehandeld, petje af!" },
        { "Keeshond-foto's staan weer op de nieuwe laptop, dank je Kees!", "Keeshond-foto's staan weer op de nieuwe laptop, dank je!" },

        // Signatures after a closing, in Dutch and English, with titles, companies and phone numbers.
        { "Printer doet het weer, top!\nGroetjes van Kees", "Printer doet het weer, top!" },
        { "Heel fijn geholpen, bedankt!\nMvg, K. Bakker", "Heel fijn geholpen, bedankt!" },
        { "Super geholpen!\n-- \nJan de Vries\nTeamleider Financiën\n06-12345678", "Super geholpen!" },
        { "Top service.\n\nMet vriendelijke groet,\n\nMarieke Hoogland\nAfdeling Inkoop\nT: 020 123 4567\nE: m.hoogland@gemeente-voorbeeld.nl", "Top service." },
        { "Thanks for the quick fix!\n\nBest regards,\nAnna Schipper\nSenior Consultant | Finance\n+31 6 12345678", "Thanks for the quick fix!" },
        { "Many thanks, everything works again.\nRegards, Anna", "Many thanks, everything works again." },
        { "Hoi Kees,\n\nBedankt voor het snel oplossen van mijn probleem met Outlook.\n\nGroeten,\nHenk", "Bedankt voor het snel oplossen van mijn probleem met Outlook." },
        { "Beste Sanne, dank voor de duidelijke uitleg! Gr. Wim", "Dank voor de duidelijke uitleg!" },
        { "Heel fijn dat het zo snel geregeld was.\n\nMvg,\nK. Bakker\nMedewerker Salarisadministratie\nGemeente Utrecht | kamer 3.12\ntel. 030 - 286 00 00", "Heel fijn dat het zo snel geregeld was." },
        { "Prima geholpen. M.v.g. Peter Zwart", "Prima geholpen." },
        { "Laptop weer als nieuw. Dank en groet, Ingrid", "Laptop weer als nieuw. Dank" },
        { "Thanks for your help!\n\nKind regards / Met vriendelijke groet,\n\nDr. Lucia Fernandes MSc\nHead of Research Support\nlucia.fernandes@uni.example\n+31 (0)50 363 9999", "Thanks for your help!" },
        { "Bedankt Kees!\n\nMet vriendelijke groet / Kind regards,\nIngrid Wolters\nHR-adviseur\nUniversiteit Utrecht\nwww.uu.nl", "Bedankt!" },
        { "Netjes opgelost en goed uitgelegd.\nVriendelijke groeten,\nP. de Groot", "Netjes opgelost en goed uitgelegd." },
        { "Laptop is vervangen, werkt perfect. Thanks,\n\nKees Jansen | Facilitair Bedrijf | 06 - 1234 5678", "Laptop is vervangen, werkt perfect. Thanks" },
        { "Great help, quick and friendly. Thank you! – Mark de Vries", "Great help, quick and friendly. Thank you!" },
        { "Works now :) -- Piet", "Works now :)" },
        { "Heel erg bedankt voor de hulp met mijn nieuwe telefoon. Groetjes uit Zwolle, Mieke", "Heel erg bedankt voor de hulp met mijn nieuwe telefoon." },
        { "Bedankt voor alles. Vr.gr. Hans", "Bedankt voor alles." },
        { "Dear Mark,\nThank you for your patience with me today. I know I'm not the easiest with computers!\nWarm regards,\nElisabeth", "Thank you for your patience with me today. I know I'm not the easiest with computers!" },
        { "Bedankt.\n\nMet vriendelijke groet,\nMevr. drs. A.M. (Anne-Marie) van der Linden-Hoekstra\nBeleidsadviseur Sociaal Domein\nGemeente Zwolle\nPostbus 10007, 8000 GA Zwolle", "Bedankt." },
        { "Super snel opgelost groetjes Kees", "Super snel opgelost" },
        { "Alles werkt weer 👍🏻 Groeten, Annemiek", "Alles werkt weer 👍🏻" },
        { "Very helpful. Kind regards, Sarah O'Connor-Smith", "Very helpful." },
        { "Hi,\n\nThanks for sorting this out so quickly.\n\nBest,\nSophie", "Thanks for sorting this out so quickly." },
        { "Opgelost binnen het uur, ik ben onder de indruk. Groet.", "Opgelost binnen het uur, ik ben onder de indruk." },

        // Mail-app footers.
        { "Works perfectly now, thanks a lot!\n\nSent from my iPhone", "Works perfectly now, thanks a lot!" },
        { "Het werkt weer, bedankt!\n\nVerzonden vanaf mijn iPhone", "Het werkt weer, bedankt!" },
        { "Thanks!\n\nGet Outlook for Android", "Thanks!" },
        { "thanks a lot\n- sent from my mobile -", "thanks a lot" },

        // A bare name (or name after the thanks) ending the comment, known or not.
        { "Bedankt!\nKees Bakker", "Bedankt!" },
        { "Thanks,\nKees", "Thanks" },
        { "Quick fix, cheers!\nDave", "Quick fix, cheers!" },
        { "Alles werkt weer, dank voor jullie snelle hulp.\nJ.P. van den Berg", "Alles werkt weer, dank voor jullie snelle hulp." },
        { "Bedankt! Marieke Hoogland", "Bedankt!" },
        { "Snel geholpen, dank!\nHenk", "Snel geholpen, dank!" },
        { "Prima service\nBedankt\nHenk en Ria", "Prima service\nBedankt" },
        { "De monteur kwam op tijd. Top.\nFam. Jansen", "De monteur kwam op tijd. Top." },

        // Contact details in a sentence: the placeholder.
        { "Werkt weer! Mocht er nog iets zijn: bel me op 06-12345678. Dank!", "Werkt weer! Mocht er nog iets zijn: bel me op [phone number]. Dank!" },
        { "Fixed within the hour, thanks! Questions? Mail me at k.bakker@contoso.example", "Fixed within the hour, thanks! Questions? Mail me at [e-mail address]" },

        // Ordinary capitalised words, closings used as words, numbers that are not phone numbers: untouched.
        { "Top", "Top" },
        { "Super\nDe printer doet het weer", "Super\nDe printer doet het weer" },
        { "Thanks for the quick fix", "Thanks for the quick fix" },
        { "Printer fixed in no time.\nThanks Again", "Printer fixed in no time.\nThanks Again" },
        { "Topservice!\nSuper Bedankt", "Topservice!\nSuper Bedankt" },
        { "Prima.\nOK", "Prima.\nOK" },
        { "Cheers for the quick fix, mate!", "Cheers for the quick fix, mate!" },
        { "With regards to the VPN issue: solved in minutes, thanks!", "With regards to the VPN issue: solved in minutes, thanks!" },
        { "Groeten aan het hele team en bedankt!", "Groeten aan het hele team en bedankt!" },
        { "Alles werkt. Eindelijk", "Alles werkt. Eindelijk" },
        { "Snel & vriendelijk. Groetjes 😊", "Snel & vriendelijk." },
        { "Ticket INC0012345 eindelijk opgelost, dank!", "Ticket INC0012345 eindelijk opgelost, dank!" },
        { "Op 01-12-2026 09:30 gebeld en meteen geholpen. Top!", "Op 01-12-2026 09:30 gebeld en meteen geholpen. Top!" },

        // Nothing left worth quoting.
        { "Groet, Kees", null },
        { "Groetjes, Marieke", null },
        { "Kees Jansen", null },
        { "Kees", null },
        { "Verzonden vanaf mijn iPhone", null },
        { "Met vriendelijke groet, Tim Bakker", null },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Anonymise_RealComments(string comment, string? expected)
    {
        Assert.Equal(expected, Anonymiser.Anonymise(comment));
    }

    [Fact]
    public void Corpus_HasAtLeastFortyComments()
    {
        Assert.True(Corpus.Count >= 40, $"{Corpus.Count} comments");
    }

    [Fact]
    public void NoKnownNameSurvives_InAnyQuote()
    {
        foreach (var row in Corpus)
        {
            var quote = Anonymiser.Anonymise((string)row[0]) ?? "";
            foreach (var word in new[] { "Kees", "Roos", "Mark", "Sanne", "Tim", "Ayşe", "Marieke", "Hoogland", "Peter", "Ingrid", "Lucia", "Bakker", "Jansen" })
            {
                Assert.DoesNotMatch($@"(?<!\p{{L}}){word}(?!\p{{L}})", quote);
            }
        }
    }

    [Fact]
    public void StoredNames_InEveryShape()
    {
        var anonymiser = new QuoteAnonymiser(["Bakker, Kees", "de Vries, J.P.", "Sanne de Vries (ICT)", "kees.bakker@contoso.example", "agent42"], "[colleague]");

        Assert.Equal("Dank je wel, [colleague] legde het goed uit.", anonymiser.Anonymise("Dank je wel Kees, K. Bakker legde het goed uit."));
        Assert.Equal("[colleague] en [colleague] waren top.", anonymiser.Anonymise("Sanne en J.P. de Vries waren top."));
        Assert.Equal("Top, agent42 was snel.", anonymiser.Anonymise("Top, agent42 was snel."));
    }

    [Fact]
    public void QueuesAndAccounts_AreNotNames()
    {
        var anonymiser = new QuoteAnonymiser(["Service Desk", "System", "Unassigned"], "[colleague]");

        Assert.Equal("De Service Desk heeft het snel opgelost, dank!", anonymiser.Anonymise("De Service Desk heeft het snel opgelost, dank!"));
    }

    [Fact]
    public void Placeholder_IsTheConfiguredOne()
    {
        var anonymiser = new QuoteAnonymiser(["Kees Jansen"], "…");

        Assert.Equal("Geholpen door …, top!", anonymiser.Anonymise("Geholpen door Kees, top!"));
    }

    [Fact]
    public void WithoutKnownNames_SignaturesStillGo()
    {
        var anonymiser = new QuoteAnonymiser([], "[colleague]");

        Assert.Equal("Top service.", anonymiser.Anonymise("Top service.\nMet vriendelijke groet,\nMarieke Hoogland"));
        Assert.Equal("Thanks!", anonymiser.Anonymise("Thanks Tim!"));
    }

    [Fact]
    public void ManyNamesAndComments_AreFast()
    {
        string[] first = ["Anna", "Bas", "Cor", "Daan", "Eva", "Femke", "Gert", "Henk", "Ilse", "Joost", "Karin", "Lars", "Maaike", "Niels", "Olga", "Pim", "Quinten", "Rik", "Saskia", "Thijs"];
        string[] last = ["Aalbers", "Brouwer", "Claessen", "Dekker", "Evers", "Fokkema", "Gerritsen", "Hendriks", "IJzerman", "Jacobs", "Kuipers", "Lammers", "Meijer", "Nijhuis", "Oosterhuis", "Peters", "Rutten", "Scholten", "Timmer", "Verbeek"];
        var names = first.SelectMany(f => last.SelectMany(l => new[] { $"{f} {l}", $"{f} van {l}", $"{f} de {l}", $"{l}, {f}", $"{f}-{first[^1]} {l}" })).ToList();
        var anonymiser = new QuoteAnonymiser(names, "[colleague]");
        var comments = Corpus.Select(r => (string)r[0]).ToList();

        var clock = Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            foreach (var comment in comments)
            {
                anonymiser.Anonymise(comment);
            }
        }

        // 2,000 known names, ~1,500 comments: a report run must not notice.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), string.Create(CultureInfo.InvariantCulture, $"{names.Count} names, {comments.Count * 20} comments: {clock.Elapsed.TotalSeconds:F1} s"));
    }
}
