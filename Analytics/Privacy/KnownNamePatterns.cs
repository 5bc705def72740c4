using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Analytics.Privacy;

/// <summary>
/// The regex patterns a known person's name is written in, from how a store spells it ("Bakker, Kees"
/// gives "Kees Bakker", "Kees", "Bakker", "K. Bakker", accents optional): what <see cref="QuoteAnonymiser"/>
/// looks for in a comment.
/// </summary>
internal static partial class KnownNamePatterns
{
    // Surname particles ("de Vries", "van den Berg"): part of a name, never a name on their own.
    public static readonly FrozenSet<string> Particles = FrozenSet.ToFrozenSet(
        ["de", "den", "der", "van", "von", "vd", "v.d.", "te", "ten", "ter", "het", "'t", "in", "op", "d'", "da", "di", "du", "dos",
         "das", "del", "della", "la", "le", "el", "al", "bin", "ibn", "ben", "vom", "zu", "mac"], StringComparer.OrdinalIgnoreCase);

    /// <summary>The patterns a known name is written in, from how the store spells it.</summary>
    public static IEnumerable<(string Pattern, int Length)> Forms(string stored)
    {
        if (Clean(stored) is not { } name)
        {
            yield break;
        }

        var tokens = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (tokens.All(t => CommonWords.IsNotAPerson(t) || Particles.Contains(t)))
        {
            yield break;
        }

        if (tokens.Length == 1)
        {
            if (Single(tokens[0]) is { } only)
            {
                yield return only;
            }

            yield break;
        }

        yield return Phrase(tokens);
        // The surname starts at the first particle ("Jan Willem de Vries"), else it is the last word.
        var particle = Array.FindIndex(tokens, 1, Particles.Contains);
        var surnameStart = particle > 0 && particle < tokens.Length - 1 ? particle : tokens.Length - 1;
        var given = tokens[..surnameStart];
        var surname = tokens[surnameStart..];
        if (given.Length > 1)
        {
            yield return Phrase([given[0], .. surname]);
            yield return Phrase(given);
        }

        foreach (var g in given)
        {
            if (Single(g) is { } form)
            {
                yield return form;
            }
        }

        var core = surname.SkipWhile(Particles.Contains).ToArray();
        foreach (var part in new[] { surname, core }.Where(p => p.Length > 0).DistinctBy(p => p.Length))
        {
            if ((part.Length == 1 ? Single(part[0]) : Phrase(part)) is { } form)
            {
                yield return form;
            }
        }

        // "K. Bakker", "K.J. de Vries", "K Bakker": the first initial, perhaps more, then the surname.
        var initial = given[0][0];
        if (char.IsLetter(initial))
        {
            var pattern = $@"(?i:{Regex.Escape(initial.ToString())})(?:\.[ \t]*|[ \t]+)(?:\p{{Lu}}\.[ \t]*)*{Phrase(surname).Pattern}";
            yield return (pattern, surname.Sum(s => s.Length + 1) + 2);
        }
    }

    /// <summary>"Bakker, Kees (ICT)" -> "Kees Bakker"; null for what is no person's name (an e-mail address, "agent42").</summary>
    private static string? Clean(string stored)
    {
        if (string.IsNullOrWhiteSpace(stored) || stored.Contains('@', StringComparison.Ordinal) || stored.Any(char.IsDigit))
        {
            return null;
        }

        var name = Parenthesised().Replace(stored, " ");
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && comma < name.Length - 1)
        {
            name = $"{name[(comma + 1)..]} {name[..comma]}";
        }

        name = Spaces().Replace(name.Replace(',', ' '), " ").Trim();
        return name.Length >= 2 ? name : null;
    }

    /// <summary>
    /// One word of a name. A word that is also an ordinary word ("Roos", "Bos", "Mark", "Zwart") only
    /// with its capital, so "het scherm bleef zwart" keeps its word; any other in any case ("kees").
    /// </summary>
    private static (string Pattern, int Length)? Single(string word)
    {
        if (word.Length < 2 || word.EndsWith('.') || Particles.Contains(word) || CommonWords.IsNotAPerson(word))
        {
            return null;
        }

        var pattern = CommonWords.IsAlsoAWord(word)
            ? Letters(char.ToUpperInvariant(word[0]).ToString()) + $"(?i:{Letters(word[1..])})"
            : $"(?i:{Letters(word)})";
        return (pattern, word.Length);
    }

    private static (string Pattern, int Length) Phrase(IReadOnlyList<string> words) =>
        ($@"(?i:{string.Join(@"[ \t]+", words.Select(Letters))})", words.Sum(w => w.Length + 1) - 1);

    /// <summary>
    /// A word's letters, escaped, each accented letter also matching its plain form: customers type
    /// "Ayse" and "Jose" for "Ayşe" and "José".
    /// </summary>
    private static string Letters(string word)
    {
        var pattern = new StringBuilder(word.Length * 2);
        foreach (var letter in word)
        {
            var plain = Plain(letter);
            pattern.Append(plain == letter ? Regex.Escape(letter.ToString()) : $"[{letter}{plain}]");
        }

        return pattern.ToString();
    }

    private static char Plain(char letter)
    {
        switch (letter)
        {
            case 'ı': return 'i';
            case 'ł': return 'l';
            case 'Ł': return 'L';
            case 'ø': return 'o';
            case 'Ø': return 'O';
            case 'đ': return 'd';
            case 'Đ': return 'D';
        }

        var decomposed = letter.ToString().Normalize(NormalizationForm.FormD);
        return decomposed.Length > 1 && char.IsLetter(decomposed[0]) && CharUnicodeInfo.GetUnicodeCategory(decomposed[1]) == UnicodeCategory.NonSpacingMark
            ? decomposed[0]
            : letter;
    }

    [GeneratedRegex(@"\([^)\n]*\)", RegexOptions.CultureInvariant, QuoteAnonymiser.TimeoutMilliseconds)]
    private static partial Regex Parenthesised();

    [GeneratedRegex(@"[ ]{2,}", RegexOptions.CultureInvariant, QuoteAnonymiser.TimeoutMilliseconds)]
    private static partial Regex Spaces();
}
