using System.Globalization;
using System.Text.RegularExpressions;
using Analytics.Calendar;
using Analytics.Recognition;
using Analytics.Text;
using Analytics.Workload;
using Reports.Text;

namespace Reports.Tests.Text;

/// <summary>
/// The resource files: every language has every key with the same placeholders, every key the code asks for
/// exists, an unknown key fails loudly, and numbers and dates read as the language writes them.
/// </summary>
public sealed partial class WordingTests
{
    private static readonly string[] Channels = ["phone", "chat", "walk_in"];

    public static TheoryData<string> OtherLanguages() => [.. Wording.Languages.Where(l => l != Wording.NeutralLanguage)];

    [Theory]
    [MemberData(nameof(OtherLanguages))]
    public void Language_HasTheSameKeysAndPlaceholdersAsEnglish(string language)
    {
        var english = Wording.English.Texts;
        var other = Wording.For(language).Texts;

        Assert.Equal(english.Keys.Order(StringComparer.Ordinal), other.Keys.Order(StringComparer.Ordinal));
        // "Format." keys are patterns, not sentences: a language shows what it needs of them ("week 47" has no year).
        var differing = english.Keys.Where(k => !k.StartsWith("Format.", StringComparison.Ordinal)).Where(k => !Placeholders(english[k]).SequenceEqual(Placeholders(other[k]))).ToList();
        Assert.True(differing.Count == 0, "Placeholders differ: " + string.Join(", ", differing.Select(k => $"{k} (\"{english[k]}\" / \"{other[k]}\")")));
    }

    [Theory]
    [MemberData(nameof(AllLanguages))]
    public void EveryText_IsAValidCompositeFormat(string language)
    {
        var words = Wording.For(language);
        foreach (var (key, text) in words.Texts)
        {
            var args = Enumerable.Repeat<object?>(1.5, 10).ToArray();
            var ex = Record.Exception(() => string.Format(words.Culture, text, args));
            Assert.True(ex is null, $"{language} {key}: {ex?.Message}");
        }
    }

    public static TheoryData<string> AllLanguages() => [.. Wording.Languages];

    [Fact]
    public void EveryKeyTheCodeAsksFor_IsInTheEnglishResource()
    {
        var root = RepositoryRoot();
        var keys = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var file in new[] { "Reports", "Analytics", Path.Combine("Worker", "Reporting") }.SelectMany(d => Directory.EnumerateFiles(Path.Combine(root, d), "*.cs", SearchOption.AllDirectories)))
        {
            if (file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            {
                continue;
            }

            var source = File.ReadAllText(file);
            foreach (Match m in KeyUse().Matches(source))
            {
                var key = m.Groups["key"].Value;
                if (m.Groups["plural"].Success)
                {
                    keys.Add(key + ".One");
                    keys.Add(key + ".Other");
                }
                else
                {
                    keys.Add(key);
                }
            }
        }

        // Keys made from a value at run time.
        keys.UnionWith(Enum.GetValues<FlagSeverity>().Select(s => "Severity." + s));
        keys.UnionWith(Enum.GetValues<WorkCategory>().Select(c => "WorkCategory." + c));
        keys.UnionWith(MetricDefinitions.Ids.SelectMany(id => new[] { $"Definition.{id}.Figure", $"Definition.{id}.Text" }));
        keys.UnionWith(Channels.Select(c => "Channel." + c));

        Assert.True(keys.Count > 300, $"Only {keys.Count} keys found: the scan of the sources is broken.");
        var missing = keys.Where(k => !Wording.English.Texts.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "Keys used in code but not in Strings.resx: " + string.Join(", ", missing));
    }

    [Fact]
    public void UnknownKey_Throws_RatherThanFallingBackToEnglishOrTheKey()
    {
        var ex = Assert.Throws<KeyNotFoundException>(() => Wording.For("nl")["Weekly.NoSuchText"]);

        Assert.Contains("'nl'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Weekly.NoSuchText", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Wording.For("fr"));
    }

    [Fact]
    public void Dutch_WritesNumbersAndDatesTheDutchWay()
    {
        var nl = Wording.For("nl");
        var july27 = new DateTimeOffset(2012, 7, 27, 10, 0, 0, TimeSpan.Zero);

        Assert.Equal("1.234", nl.Count(1234));
        Assert.Equal("1.234,5", nl.Number(1234.5, "#,0.0"));
        Assert.Equal("12,5 u", nl.Hours(12.5));
        Assert.Equal("27 juli 2012", nl.Date(july27, TimeZoneInfo.Utc));
        Assert.Equal("week 30 (23–29 juli 2012)", nl.WeekWithDates(new IsoWeek(2012, 30)));
        Assert.Equal("A, B en C", nl.List(["A", "B", "C"]));
        Assert.Equal("−5 procentpunt", nl.Change(0.70, 0.75, true, percentPoints: true)!.Text);
        Assert.Equal("Pagina 2 van 7", nl.Format("Page.Number", 2, 7));
    }

    [Fact]
    public void English_KeepsItsFormerFormat()
    {
        var en = Wording.English;

        Assert.Equal("1,234", en.Count(1234));
        Assert.Equal("12.5 h", en.Hours(12.5));
        Assert.Equal("2026-W47 (16–22 Nov 2026)", en.WeekWithDates(new IsoWeek(2026, 47)));
        Assert.Equal("28 Dec 2026 – 3 Jan 2027", en.Dates(new IsoWeek(2026, 53)));
        Assert.Equal("+12% vs last week", en.Change(112, 100, null)!.Text);
    }

    [Fact]
    public void Phrase_IsSaidInTheLanguage_WithItsInnerPhrasesAndWeeks()
    {
        var span = Phrase.Of("Flag.Growth.Span.SinceData", $"in each of the {3} weeks since the data starts ({new IsoWeek(2026, 45)})");
        var reason = Phrase.Of("Flag.Growth", $"incoming exceeded resolved {span}: +{60} tickets (backlog {80} → {1140})");

        Assert.Equal(reason.English, Wording.English.Say(reason));
        Assert.Equal("er kwam in elk van de 3 weken sinds het begin van de gegevens (week 45) meer binnen dan er werd opgelost: +60 meldingen (werkvoorraad 80 → 1140)", Wording.For("nl").Say(reason));
    }

    [Fact]
    public void Phrases_WithTheSameKeyAndArguments_AreEqual()
    {
        // Results holding phrases (flags, highlights) are compared across store engines and runs.
        var a = Phrase.Of("Highlight.ThankYous", $"received {17:#,0} thank-yous in customer feedback");
        var b = Phrase.Of("Highlight.ThankYous", $"received {17:#,0} thank-yous in customer feedback");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Phrase.Of("Highlight.ThankYous", $"received {18:#,0} thank-yous in customer feedback"));
    }

    [Fact]
    public void MetricDefinitions_AreWordForWordTheEnglishResource()
    {
        Assert.Equal(MetricDefinitions.All.Count, MetricDefinitions.Ids.Count);
        foreach (var ((figure, definition), id) in MetricDefinitions.All.Zip(MetricDefinitions.Ids))
        {
            Assert.Equal(figure, Wording.English[$"Definition.{id}.Figure"]);
            Assert.Equal(definition, Wording.English[$"Definition.{id}.Text"]);
        }
    }

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Groups["index"].Value).Distinct().Order(StringComparer.Ordinal)];

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (Analytics.sln) is not above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"\{(?<index>\d+)(?:,[^:}]*)?(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    /// <summary>t["Key"], .Format("Key", ...), .Plural("Key", ...), Phrase.Of("Key", ...), Phrase.Fixed("Key", ...), PluralKey("Key", ...).</summary>
    [GeneratedRegex(@"(?:\[""(?<key>[A-Z][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)+)""\]|\.Format\(""(?<key>[A-Z][A-Za-z0-9_.]+)""|(?<plural>\.Plural\(|PluralKey\()""(?<key>[A-Z][A-Za-z0-9_.]+)""|Phrase\.(?:Of|Fixed)\(""(?<key>[A-Z][A-Za-z0-9_.]+)"")")]
    private static partial Regex KeyUse();
}
