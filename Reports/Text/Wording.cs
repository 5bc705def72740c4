using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using Analytics.Calendar;
using Analytics.Text;

namespace Reports.Text;

/// <summary>
/// The texts of the reports and their mails in one language, by key, with the language's culture for numbers
/// and dates. Immutable and shared: each report is composed with the wording of its readers' language, so one
/// run can write reports in several languages (there is no current culture to set). A key the language does not
/// have is an error, never English or the key in its place.
/// </summary>
public sealed partial class Wording
{
    /// <summary>The language of Strings.resx, the neutral file; other languages have Strings.&lt;code&gt;.resx.</summary>
    public const string NeutralLanguage = "en";

    /// <summary>The languages reports can be written in, by their code in the settings.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "nl"];

    private static readonly ConcurrentDictionary<string, Wording> Loaded = new(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, string> _texts;

    private Wording(string language, CultureInfo culture, FrozenDictionary<string, string> texts)
    {
        Language = language;
        Culture = culture;
        _texts = texts;
    }

    public static Wording English => For(NeutralLanguage);

    /// <summary>The language's code ("en", "nl").</summary>
    public string Language { get; }

    /// <summary>How numbers and dates read: en-GB for English ("1,234.5", "27 Jul 2012"), nl-NL for Dutch ("1.234,5", "27 juli 2012").</summary>
    public CultureInfo Culture { get; }

    /// <summary>Whether <paramref name="language"/> is a code reports can be written in ("en", "nl"; case-insensitive).</summary>
    public static bool IsSupported(string? language) => language is not null && Languages.Contains(language.Trim().ToLowerInvariant());

    public static Wording For(string language)
    {
        var code = language?.Trim().ToLowerInvariant() ?? NeutralLanguage;
        if (!Languages.Contains(code))
        {
            throw new ArgumentException($"Reports cannot be written in '{language}': the languages are {string.Join(", ", Languages)}.", nameof(language));
        }

        return Loaded.GetOrAdd(code, c => new Wording(c, CultureFor(c), StringTable.Load(c)));
    }

    private static CultureInfo CultureFor(string language) =>
        CultureInfo.ReadOnly(CultureInfo.GetCultureInfo(language == "nl" ? "nl-NL" : "en-GB"));

    /// <summary>Every key and text of the language, for the tests that compare languages.</summary>
    public IReadOnlyDictionary<string, string> Texts => _texts;

    /// <summary>The text for <paramref name="key"/>; an unknown key throws.</summary>
    public string this[string key] => _texts.TryGetValue(key, out var text)
        ? text
        : throw new KeyNotFoundException($"The report texts for language '{Language}' have no key '{key}'.");

    /// <summary>The text for <paramref name="key"/> with its placeholders filled in, numbers in the language's culture.</summary>
    public string Format(string key, params object?[] args) => string.Format(Culture, this[key], args);

    /// <summary>"key.One" when <paramref name="count"/> is 1, else "key.Other", formatted with <paramref name="args"/>.</summary>
    public string Plural(string key, double count, params object?[] args) => Format(PluralKey(key, count), args);

    public static string PluralKey(string key, double count) => key + (Math.Abs(count - 1) < 1e-9 ? ".One" : ".Other");

    /// <summary>A sentence from Analytics in this language; phrases among its arguments are said in it too.</summary>
    public string Say(Phrase phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return string.Format(Culture, this[phrase.Key], [.. phrase.Args.Select(a => a switch { Phrase inner => Say(inner), IsoWeek week => Week(week), _ => a })]);
    }

    /// <summary>The same sentence started with a capital and ended with a full stop.</summary>
    public string Sentence(Phrase phrase) => Capitalised(Say(phrase));

    public static string Capitalised(string text) =>
        text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? "" : ".");

    /// <summary>An ISO week as the language names it: "2026-W47" or "week 47".</summary>
    public string Week(IsoWeek week) => Format("Format.Week", week.Year, week.Week);
}
