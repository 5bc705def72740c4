using System.Buffers;
using System.Globalization;
using System.Text;

namespace Analytics.Import;

/// <summary>
/// Text from a file or a source database that ends up in a message (a column name, a key, a reason) is
/// shown with its control characters spelled out ("\x1B"), so an escape sequence in an export cannot
/// recolour, clear or rewrite the operator's terminal, and a bidi override cannot reorder what it says.
/// </summary>
public static class Printable
{
    // C0 and C1 controls, DEL, and the bidi embeddings, overrides and isolates.
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Select(c => (char)c), .. Enumerable.Range(0x7F, 0x21).Select(c => (char)c),
         '\u061C', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069']);

    /// <summary>The text with every control and bidi-control character written as an escape; the same string when it has none.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var first = text.AsSpan().IndexOfAny(Unsafe);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (!Unsafe.Contains(c))
            {
                escaped.Append(c);
            }
            else
            {
                escaped.Append(c switch
                {
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    < '\u0100' => string.Create(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}"),
                    _ => string.Create(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}"),
                });
            }
        }

        return escaped.ToString();
    }
}
