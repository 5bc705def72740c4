using System.Globalization;
using System.Text;

namespace Reports.Layout;

/// <summary>Word wrap and ellipsis, measured with the painter that draws the result.</summary>
internal static class LineBreaker
{
    public const string Ellipsis = "\u2026";

    /// <summary>
    /// Wraps cleaned text into lines no wider than <paramref name="maxWidth"/>. Newlines force a
    /// break; a word wider than the line is broken between characters (never inside a surrogate
    /// pair or a combining sequence).
    /// </summary>
    public static List<string> Wrap(TextPainter painter, string text, TextStyle style, float maxWidth)
    {
        var lines = new List<string>();
        foreach (var hardLine in text.Split('\n'))
        {
            WrapLine(painter, hardLine.Replace('\t', ' '), style, maxWidth, lines);
        }

        return lines;
    }

    /// <summary>Shortens text to fit, ending it with an ellipsis when anything was cut (or always, when forced).</summary>
    public static string Ellipsize(TextPainter painter, string text, TextStyle style, float maxWidth, bool force = false)
    {
        if (!force && painter.Measure(text, style) <= maxWidth)
        {
            return text;
        }

        var elements = TextElements(text.TrimEnd());
        int low = 0, high = elements.Count;
        while (low < high)
        {
            int mid = (low + high + 1) / 2;
            if (painter.Measure(string.Concat(elements.Take(mid)) + Ellipsis, style) <= maxWidth)
            {
                low = mid;
            }
            else
            {
                high = mid - 1;
            }
        }

        if (low == 0)
        {
            return painter.Measure(Ellipsis, style) <= maxWidth ? Ellipsis : string.Empty;
        }

        return string.Concat(elements.Take(low)).TrimEnd() + Ellipsis;
    }

    private static void WrapLine(TextPainter painter, string line, TextStyle style, float maxWidth, List<string> lines)
    {
        var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            lines.Add(string.Empty);
            return;
        }

        var current = new StringBuilder();
        foreach (var word in words)
        {
            string candidate = current.Length == 0 ? word : current + " " + word;
            if (painter.Measure(candidate, style) <= maxWidth)
            {
                current.Clear().Append(candidate);
                continue;
            }

            if (current.Length > 0)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            if (painter.Measure(word, style) <= maxWidth)
            {
                current.Append(word);
                continue;
            }

            // A word wider than the line: break it by character, keep the remainder for the next word.
            var piece = new StringBuilder();
            float pieceWidth = 0;
            foreach (var element in TextElements(word))
            {
                float elementWidth = painter.Measure(element, style);
                if (piece.Length > 0 && pieceWidth + elementWidth > maxWidth)
                {
                    lines.Add(piece.ToString());
                    piece.Clear();
                    pieceWidth = 0;
                }

                piece.Append(element);
                pieceWidth += elementWidth;
            }

            current.Append(piece);
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }
    }

    private static List<string> TextElements(string text)
    {
        var elements = new List<string>(text.Length);
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            elements.Add(enumerator.GetTextElement());
        }

        return elements;
    }
}
