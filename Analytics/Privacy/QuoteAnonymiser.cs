using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Privacy;

/// <summary>
/// Makes a customer's comment fit to quote in a report. The rule throughout: what addresses or signs
/// (a greeting's name, a signature, a closing "– Name") is removed, because the sentence reads as well
/// without it; a name or contact detail inside a sentence is replaced by a neutral placeholder, because
/// removing it would leave a broken sentence ("[colleague] helped too", "mail me at [e-mail address]").
/// <list type="number">
/// <item>Signature blocks go: everything from "-- ", "Sent from my iPhone" or a closing ("Met vriendelijke
/// groet", "Mvg, K. Bakker", "Groetjes van Kees", "Kind regards") on, and trailing lines that are a
/// name, a job title, a company or contact details.</item>
/// <item>Every known name (callers, agents, contacts: whatever the store knows) goes wherever it
/// appears: full name, first name, surname with or without particles, "K. Bakker".</item>
/// <item>E-mail addresses and phone numbers go anywhere.</item>
/// </list>
/// A comment with nothing left worth quoting gives null. Regexes are built once per instance (the known
/// names) or at compile time (everything else), and all carry a timeout: a comment that cannot be checked
/// in time is not quoted at all.
/// </summary>
public sealed partial class QuoteAnonymiser
{
    /// <summary>Marks a name removed from an address position until the punctuation around it is tidied.</summary>
    private const char Removed = '\u0001';

    private const string EmailPlaceholder = "[e-mail address]";
    private const string PhonePlaceholder = "[phone number]";
    internal const int TimeoutMilliseconds = 250;

    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(TimeoutMilliseconds);

    private static readonly FrozenSet<string> Joiners = FrozenSet.ToFrozenSet(
        ["en", "and", "&", "fam.", "familie", "dhr.", "dhr", "mevr.", "mevr", "mw.", "mr.", "mrs.", "ms.", "dr.", "drs.", "ir.", "ing.", "prof."],
        StringComparer.OrdinalIgnoreCase);

    private readonly string _placeholder;
    private readonly Regex? _name;
    private readonly Regex? _names;

    /// <param name="knownNames">Every person's name the caller knows: agents, callers, contacts. As stored:
    /// "Kees Bakker", "Bakker, Kees", "Jan de Vries", "K. Bakker". Names of queues ("Service Desk"),
    /// e-mail addresses and login ids with digits are skipped.</param>
    /// <param name="placeholder">What a name inside a sentence becomes (see <see cref="PrivacyOptions.NameReplacement"/>).</param>
    public QuoteAnonymiser(IEnumerable<string> knownNames, string placeholder)
    {
        ArgumentNullException.ThrowIfNull(knownNames);
        ArgumentException.ThrowIfNullOrWhiteSpace(placeholder);
        _placeholder = placeholder;

        // Longest first: the alternation takes the first form that matches, so "Sanne de Vries" goes as a whole rather than leaving "de Vries".
        var forms = knownNames.SelectMany(KnownNamePatterns.Forms)
            .DistinctBy(f => f.Pattern, StringComparer.Ordinal)
            .OrderByDescending(f => f.Length)
            .ThenBy(f => f.Pattern, StringComparer.Ordinal)
            .Select(f => f.Pattern)
            .ToList();
        if (forms.Count == 0)
        {
            return;
        }

        // Not inside another word ("Kees" in "Keeshond", "Bos" in "Bos-project"); an "@" mention goes with the name.
        var name = $@"(?<![\p{{L}}\p{{N}}_]|\p{{L}}-)@?(?:{string.Join('|', forms)})(?![\p{{L}}\p{{N}}_]|-\p{{L}})";
        _name = new Regex(name, RegexOptions.CultureInvariant, Timeout);
        // "Tim and Mark", "Kees, Roos en Tim": a run of names is one address ("Thanks Tim and Mark!" -> "Thanks!").
        // A comma joins names only in a list that ends with "and": in "Dank je wel Kees, K. Bakker legde het uit" they are two.
        _names = new Regex($@"{name}(?:(?:[ \t]*,[ \t]*{name})*[ \t]+(?i:and|en|&|\+)[ \t]+{name})?", RegexOptions.CultureInvariant, Timeout);
    }

    /// <summary>The comment without names, signature and contact details; null when nothing worth quoting is left.</summary>
    public string? Anonymise(string comment)
    {
        ArgumentNullException.ThrowIfNull(comment);
        try
        {
            var text = Normalise(comment);
            text = CutSignature(text);
            text = TrimTrailingBlock(text);
            text = CutTrailingName(text);
            text = RemoveContactDetails(text);
            text = RemoveNames(text);
            text = Tidy(text);
            return IsWorthQuoting(text) ? text : null;
        }
        catch (RegexMatchTimeoutException)
        {
            // Better no quote than a quote that may still hold a name.
            return null;
        }
    }

    private static string Normalise(string comment)
    {
        var text = comment.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Replace('\u00A0', ' ').Replace('\t', ' ');
        // The marker must mean only what this class put there.
        return text.Replace(Removed.ToString(), "", StringComparison.Ordinal).Trim();
    }

    /// <summary>Everything from a signature delimiter, a mail app's footer or a closing that ends the message.</summary>
    private string CutSignature(string text)
    {
        var cut = text.Length;
        if (Delimiter().Match(text) is { Success: true } delimiter)
        {
            cut = delimiter.Index;
        }

        if (MailAppFooter().Match(text, 0, cut) is { Success: true } footer)
        {
            cut = footer.Index;
        }

        for (var closing = Closing().Match(text, 0, cut); closing.Success; closing = closing.NextMatch())
        {
            if (EndsTheMessage(text, closing))
            {
                cut = closing.Index;
                break;
            }
        }

        return text[..cut].TrimEnd();
    }

    /// <summary>
    /// Whether a closing word ends the message: followed by nothing, a name or contact details on its line.
    /// "Groeten aan het hele team" is a message, "Groeten, Kees" and "Met vriendelijke groet," are not.
    /// </summary>
    private bool EndsTheMessage(string text, Match closing)
    {
        var tail = closing.Groups["tail"].Value.Trim().TrimEnd('.', '!', ',');
        if (tail.StartsWith('/') || !tail.Any(char.IsLetterOrDigit))
        {
            // "Kind regards / Met vriendelijke groet,": the same closing in a second language; "Groetjes 😊".
            tail = "";
        }

        var before = text.AsSpan(0, closing.Index).TrimEnd(" ");
        var startsSentence = before.IsEmpty || before[^1] is '\n' or '.' or '!' or '?' or '…' or ',' or ';' or ':' or ')' || IsEmoji(before);
        if (tail.Length == 0)
        {
            // "... ik stuur de groeten" is a sentence; "... opgelost, groetjes" and "... opgelost mvg" end one.
            return startsSentence || closing.Groups["strong"].Success;
        }

        return IsNameLine(tail) || IsContactLine(tail);
    }

    /// <summary>
    /// Trailing lines that sign the message: a name, job title, company, phone or e-mail. Titles and
    /// companies alone are not enough ("De medewerker was super vriendelijk" may end a message): the block
    /// goes only if it has a name or contact line in it.
    /// </summary>
    private string TrimTrailingBlock(string text)
    {
        var lines = text.Split('\n');
        var keep = lines.Length;
        var personal = false;
        while (keep > 0)
        {
            var line = lines[keep - 1].Trim();
            if (line.Length == 0 || IsTitleLine(line))
            {
                keep--;
            }
            else if ((IsNameLine(line) && (!line.EndsWith('!') || IsKnownName(line))) || IsContactLine(line))
            {
                personal = true;
                keep--;
            }
            else
            {
                break;
            }
        }

        return personal ? string.Join('\n', lines.Take(keep)).TrimEnd() : text;
    }

    /// <summary>
    /// A name ending the last line: after a dash ("Great help! – Mark de Vries"), after the thanks
    /// ("Thanks, Marieke", "Thank you Anna!") or after the last sentence ("Bedankt! Marieke Hoogland").
    /// After a sentence one capitalised word is not enough ("Alles werkt. Eindelijk"): two, or a known name.
    /// </summary>
    private string CutTrailingName(string text)
    {
        var lineStart = text.LastIndexOf('\n') + 1;
        foreach (Match split in NameCanFollow().Matches(text, lineStart))
        {
            var end = split.Index + split.Length;
            var rest = text[end..].Trim();
            if (rest.Length == 0 || !IsNameLine(rest, split.Groups["sentence"].Success ? 2 : 1))
            {
                continue;
            }

            if (split.Groups["dash"].Success)
            {
                return text[..split.Index].TrimEnd();
            }

            // "Thank you Anna!" keeps its exclamation mark: "Thank you!".
            var mark = rest[^1] is '!' or '.' && split.Groups["thanks"].Success ? rest[^1].ToString() : "";
            return text[..end].TrimEnd(' ', ',') + mark;
        }

        return text;
    }

    private static string RemoveContactDetails(string text)
    {
        text = Email().Replace(text, EmailPlaceholder);
        return Phone().Replace(text, m => IsPhoneNumber(m.Value) ? PhonePlaceholder : m.Value);
    }

    /// <summary>Known names: removed where they address someone, the placeholder where they are part of a sentence.</summary>
    private string RemoveNames(string text)
    {
        if (_names is null || _name is null)
        {
            return text;
        }

        var name = _name;
        return _names.Replace(text, m => Addresses(text, m) ? Removed.ToString() : name.Replace(m.Value, _placeholder));
    }

    /// <summary>
    /// Whether names address someone rather than take part in a sentence: after thanks or a greeting
    /// ("Dank je wel Kees,", "Hoi Kees"), opening a sentence with a comma or thanks ("Roos, bedankt!",
    /// "Kees bedankt"), or closing one after a comma ("Helemaal top, Roos 😊").
    /// </summary>
    private static bool Addresses(string text, Match names)
    {
        var before = text[..names.Index];
        var after = text[(names.Index + names.Length)..];
        return AddressLead().IsMatch(before)
            || (SentenceStartBefore().IsMatch(before) && VocativeAfterStart().IsMatch(after))
            || (CommaBefore().IsMatch(before) && SentenceEndAfter().IsMatch(after));
    }

    private static string Tidy(string text)
    {
        // "Kees, bedankt!" -> "Bedankt!"; "Beste Sanne, dank voor de uitleg" -> "Dank voor de uitleg".
        text = RemovedOpening().Replace(text, m => m.Groups["start"].Value + m.Groups["first"].Value.ToUpperInvariant());
        text = RemovedAtEnd().Replace(text, "");
        text = text.Replace(" " + Removed, "", StringComparison.Ordinal).Replace(Removed.ToString(), "", StringComparison.Ordinal);

        var lines = new List<string>();
        foreach (var raw in text.Split('\n'))
        {
            var line = SpaceBeforePunctuation().Replace(raw, "$1");
            line = CommaBeforeEnd().Replace(line, "");
            line = Spaces().Replace(line, " ").Trim();
            line = LeadingPunctuation().Replace(line, "");
            if (GreetingOnly().IsMatch(line))
            {
                continue;
            }

            if (line.Length > 0 || (lines.Count > 0 && lines[^1].Length > 0))
            {
                lines.Add(line);
            }
        }

        text = string.Join('\n', lines).Trim();
        // A closing cut from "Dank en groet, Ingrid" leaves "Dank en".
        return DanglingEnd().Replace(text, "");
    }

    /// <summary>Something left besides placeholders, punctuation, emoji and a bare greeting.</summary>
    private bool IsWorthQuoting(string text)
    {
        var rest = text.Replace(_placeholder, " ", StringComparison.Ordinal)
            .Replace(EmailPlaceholder, " ", StringComparison.Ordinal)
            .Replace(PhonePlaceholder, " ", StringComparison.Ordinal);
        return Words().Matches(rest).Any(w => !GreetingOnly().IsMatch(w.Value));
    }

    /// <summary>
    /// One to four capitalised words (with particles and initials) and nothing else: "Kees", "K. Bakker",
    /// "Jan de Vries", "J.P. van den Berg". Not when a word is one feedback is made of ("Top Service").
    /// A known name counts in any case: "kees".
    /// </summary>
    private bool IsNameLine(string line, int minimumWords = 1)
    {
        // "Zwolle, Mieke" after "Groetjes uit": commas separate the parts of a signature.
        var text = line.Replace(',', ' ').Trim().TrimStart('-', '–', '—', '~', ' ').TrimEnd('.', '!', ' ');
        if (text.Length == 0)
        {
            return false;
        }

        if (IsKnownName(text))
        {
            return true;
        }

        var names = 0;
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            // "Jan de Vries", "Henk en Ria", "Fam. Jansen": part of a signature, not a name on their own.
            if (KnownNamePatterns.Particles.Contains(word) || Joiners.Contains(word))
            {
                continue;
            }

            if (!Initials().IsMatch(word) && (!NameWord().IsMatch(word) || CommonWords.IsFeedbackWord(word)))
            {
                return false;
            }

            names++;
        }

        return names >= minimumWords && names <= 4;
    }

    /// <summary>
    /// A line of contact details: "T: 020 123 4567", "www.uu.nl", "Kees Jansen | Facilitair Bedrijf | 06 - 1234 5678".
    /// Not a sentence that has one in it ("Questions? Mail me at k.bakker@contoso.example"): that keeps its words.
    /// </summary>
    private bool IsKnownName(string text)
    {
        text = text.Trim().TrimEnd('.', '!', ' ');
        return _names?.Match(text) is { Success: true } known && known.Index == 0 && known.Length == text.Length;
    }

    private static bool IsContactLine(string line)
    {
        var rest = WebAddress().Replace(Email().Replace(line, " "), " ");
        rest = Phone().Replace(rest, m => IsPhoneNumber(m.Value) ? " " : m.Value);
        if (rest.Length == line.Length && !ContactLabel().IsMatch(line))
        {
            return false;
        }

        return !rest.Contains('!', StringComparison.Ordinal) && !rest.Contains('?', StringComparison.Ordinal)
            && Words().Count(ContactLabel().Replace(rest, " ")) <= 4;
    }

    private static bool IsTitleLine(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 7 && !line.Contains('!', StringComparison.Ordinal) && !line.Contains('?', StringComparison.Ordinal)
        && TitleOrCompany().IsMatch(line);

    /// <summary>Nine or more digits and not a date: "06-12345678", "+31 (0)20 123 4567"; not "01-12-2026 09".</summary>
    private static bool IsPhoneNumber(string candidate) =>
        candidate.Count(char.IsAsciiDigit) >= 9 && !DateShape().IsMatch(candidate);

    private static bool IsEmoji(ReadOnlySpan<char> before) =>
        char.IsLowSurrogate(before[^1]) || CharUnicodeInfo.GetUnicodeCategory(before[^1]) == UnicodeCategory.OtherSymbol;

    // "-- ", "__________", "-----Original Message-----" on a line of its own.
    [GeneratedRegex(@"^[ ]*(?:-{2,}|_{3,}|={3,})[ ]*(?:(?i:original message)[ ]*-*)?[ ]*$", RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex Delimiter();

    [GeneratedRegex(@"(?:^|(?<=[.!?…][ ]*))[ ]*[-–—]*[ ]*(?i:sent\s+from\s+(?:my|outlook|mail|yahoo|gmail|samsung)|(?:verzonden|verstuurd)\s+(?:vanaf|van|met|via)\s+(?:mijn|outlook|mail)|get\s+outlook\s+for|download\s+outlook\s+for|envoyé\s+de\s+mon|gesendet\s+von)(?![\p{L}])",
        RegexOptions.Multiline | RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex MailAppFooter();

    // A closing word, what joins it to a name ("Groetjes van Kees"), and the rest of its line. "strong" ones end a message even mid-line.
    [GeneratedRegex(
        @"(?<![\p{L}\p{N}])(?i:(?<strong>(?:met\s+)?(?:vriendelijke|hartelijke|hartelijk|lieve|warme|collegiale|zonnige|sportieve)\s+groet(?:en|jes)?|groetjes|mvg|m\.v\.g\.?|mvgr|vr\.?\s*gr\.?|grtz|grtjs|(?:kind|best|warm|warmest|kindest|many)\s+regards|with\s+kind\s+regards|yours\s+(?:sincerely|faithfully|truly)|sincerely|best\s+wishes)|(?<weak>groeten|groet|gr\.?|regards|rgds|greetings|br|best|all\s+the\s+best))(?![\p{L}\p{N}])[ ]*[,.!:;]*[ ]*(?:(?i:van|vanuit|uit|from|namens|on\s+behalf\s+of)[ ]+)?(?<tail>[^\n]*)",
        RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex Closing();

    // Where a trailing name may start on the last line: after a sentence, or after the thanks (with a comma).
    [GeneratedRegex(@"(?<sentence>[.!?…]+)|(?<dash>[ ]+[–—-]+)|(?<thanks>(?<![\p{L}])(?i:thanks|thank\s+you|thx|cheers|bedankt|dank\s+je(?:\s+wel)?|dank\s+u(?:\s+wel)?|dankjewel|dankuwel|merci|dank)(?![\p{L}])[ ]*,?)",
        RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex NameCanFollow();

    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+\-])[\p{L}\p{N}._%+\-']+@[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex Email();

    // Digit groups with single separators, from "+31", "0031", "(020)" or "06"; IsPhoneNumber decides.
    [GeneratedRegex(@"(?<![\p{L}\p{N}+])(?:(?:\+|00)\d{1,3}|\(?0\d*\)?)(?:[ ]?[\-./]?[ ]?(?:\(0\)|\(\d+\)|\d+)){1,8}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex Phone();

    [GeneratedRegex(@"\d{1,2}[\-/.]\d{1,2}[\-/.]\d{2,4}", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex DateShape();

    [GeneratedRegex(@"^(?i:(?:t|m|e|f|w|tel|telefoon|tel\.?\s*nr|mob|mobiel|gsm|phone|mobile|cell|fax|e-?mail|mail|web|website|adres|address|bezoekadres|postadres)[ ]*:|(?:tel|mob|fax)\.)[ ]*\S", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex ContactLabel();

    [GeneratedRegex(@"(?<![\p{L}])(?i:www\.|https?://)\S+", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex WebAddress();

    [GeneratedRegex(
        @"(?<![\p{L}])(?i:\p{L}*(?:manager|leider|leidster|medewerker|medewerkster|coördinator|coordinator|directeur|director|adviseur|advisor|consultant|assistent|assistant|secretaresse|secretary|officer|specialist|controller|accountant|engineer|developer|analist|analyst|beheerder|administrator|ondersteuning)|hoofd|head\s+of|teamlead|team\s+lead|afdeling|afd\.|department|dept\.?|b\.?v\.?|n\.?v\.?|ltd|gmbh|inc|gemeente|provincie|ministerie|stichting|universiteit|university|ziekenhuis|hogeschool|college|school|kantoor|vestiging|locatie|kamer|room|gebouw|building|aanwezig|werkdagen|werkzaam|senior|junior|dr\.|drs\.|ing\.|ir\.|mr\.|msc|bsc|phd)(?![\p{L}])",
        RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex TitleOrCompany();

    [GeneratedRegex(@"^(?:\p{Lu}\.){1,4}$|^\p{Lu}$", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex Initials();

    // Capitalised, with at least one lower-case letter ("IT", "HR" are not names), hyphens and apostrophes inside.
    [GeneratedRegex(@"^\p{Lu}[\p{L}'’\-]*\p{Ll}[\p{L}'’\-]*$", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex NameWord();

    [GeneratedRegex(@"(?<![\p{L}])(?i:thanks|thank\s+(?:you|u)(?:\s+(?:so|very)\s+much|\s+again)?|many\s+thanks|thx|tnx|ty|cheers|bedankt|dank\s+(?:je|u|jullie)(?:\s+wel)?|dankjewel|dankuwel|hartelijk\s+dank|dank|merci|hoi|hi|hey|hallo|hello|beste|dear|goedemorgen|goedemiddag|goedenavond|good\s+(?:morning|afternoon)|top|super|toppie|bravo|chapeau|respect|hulde|great\s+job|good\s+job|well\s+done|nice\s+one|nice\s+work|great\s+work|goed\s+gedaan|nogmaals\s+(?:dank|bedankt))[ ]*,?[ ]*$",
        RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex AddressLead();

    [GeneratedRegex(@"(?:^|[\n.!?…\p{So}\p{Cs}])[ ]*$", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex SentenceStartBefore();

    [GeneratedRegex(@"^(?:[ ]*[,:]|[ ]+(?i:bedankt|dank|dankjewel|dankuwel|thanks|thank\s+you|thx|top|super)(?![\p{L}]))", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex VocativeAfterStart();

    [GeneratedRegex(@",[ ]*$", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex CommaBefore();

    [GeneratedRegex(@"^[ ]*(?:[.!?…\n\p{So}\p{Cs}]|$)", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex SentenceEndAfter();

    // A removed name opening a line, with the greeting before it and the comma after it: the next word gets the capital.
    [GeneratedRegex("(?m)(?<start>^[ ]*|[.!?…][ ]+)(?:(?i:hoi|hi|hey|hallo|hello|beste|dear|goedemorgen|goedemiddag|goedenavond|good\\s+(?:morning|afternoon))[ ]*)?\u0001[ ]*[,:;!]?[ ]*(?<first>\\p{L})", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex RemovedOpening();

    // A removed name ending a sentence takes the comma before it: "Helemaal top, Roos 😊" -> "Helemaal top 😊".
    [GeneratedRegex("(?:[ ]*,)?[ ]*\u0001(?=[ ]*(?:[.!?…\\n\\p{So}\\p{Cs}]|$))", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex RemovedAtEnd();

    [GeneratedRegex(@"[ ]+([,.!?;])(?=[\s,.!?;]|$)", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex SpaceBeforePunctuation();

    [GeneratedRegex(@",+(?=[ ]*(?:[.!?;,]|$))", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex CommaBeforeEnd();

    [GeneratedRegex(@"[ ]{2,}", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^[,;:]+[ ]*", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex LeadingPunctuation();

    [GeneratedRegex(@"^(?i:hoi|hi|hey|hallo|hello|beste|dear|goedemorgen|goedemiddag|goedenavond|good\s+(?:morning|afternoon))[ ]*[,!:]?$", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex GreetingOnly();

    [GeneratedRegex(@"(?:[ ]+(?i:en|and|&))?[ ]*[,;:\-–]*$", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex DanglingEnd();

    [GeneratedRegex(@"\p{L}{2,}", RegexOptions.CultureInvariant, TimeoutMilliseconds)]
    private static partial Regex Words();

}
