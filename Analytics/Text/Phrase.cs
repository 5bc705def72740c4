using System.Globalization;

namespace Analytics.Text;

/// <summary>
/// A sentence as data: a resource key and its arguments, so a report can say it in its reader's language
/// (Analytics knows no resources). <see cref="English"/> is the same sentence for the command line and logs.
/// An argument may itself be a phrase, said in the same language.
/// </summary>
/// <param name="Key">The resource key, e.g. "Flag.Sla.Fell".</param>
/// <param name="English">The English sentence, as the English resource says it.</param>
public sealed record Phrase(string Key, string English, IReadOnlyList<object?> Args)
{
    /// <summary>
    /// A phrase whose English is <paramref name="english"/> and whose arguments are its holes: the English resource's
    /// text for <paramref name="key"/> is the same format (a test holds the two together).
    /// </summary>
    public static Phrase Of(string key, FormattableString english)
    {
        ArgumentNullException.ThrowIfNull(english);
        return new Phrase(key, english.ToString(CultureInfo.InvariantCulture), english.GetArguments());
    }

    /// <summary>A phrase without arguments. (Not an overload of <see cref="Of(string, FormattableString)"/>: C# would pick a string overload for an interpolated string and lose its arguments.)</summary>
    public static Phrase Fixed(string key, string english) => new(key, english, []);

    public override string ToString() => English;

    /// <summary>Equal when the key and the arguments are: two computations of the same sentence are the same phrase.</summary>
    public bool Equals(Phrase? other) =>
        other is not null && Key == other.Key && English == other.English && Args.SequenceEqual(other.Args);

    public override int GetHashCode() => HashCode.Combine(Key, English);
}
