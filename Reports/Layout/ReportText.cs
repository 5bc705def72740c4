using System.Text;

namespace Reports.Layout;

/// <summary>Makes arbitrary text (ticket titles, agent names, user input) safe to draw.</summary>
public static class ReportText
{
    /// <summary>
    /// Removes C0/C1 control characters except tab and newline, turns CR/CRLF into newlines and
    /// replaces unpaired surrogate halves with '?', so nothing reaches the PDF that a viewer
    /// would show as a box or that breaks the text extraction.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        if (!NeedsCleaning(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r')
            {
                sb.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c is '\n' or '\t')
            {
                sb.Append(c);
            }
            else if (c < '\u0020' || (c >= '\u007F' && c <= '\u009F'))
            {
                // dropped: control characters have no visible form
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    sb.Append(c).Append(text[i + 1]);
                    i++;
                }
                else
                {
                    sb.Append('?');
                }
            }
            else if (char.IsLowSurrogate(c))
            {
                sb.Append('?');
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Clean text on one line: newlines and tabs become spaces (headers, cells of one line).</summary>
    public static string CleanSingleLine(string? text) =>
        Clean(text).Replace('\n', ' ').Replace('\t', ' ');

    private static bool NeedsCleaning(string text)
    {
        foreach (char c in text)
        {
            if (c < '\u0020' && c != '\n' && c != '\t')
            {
                return true;
            }

            if ((c >= '\u007F' && c <= '\u009F') || char.IsSurrogate(c))
            {
                return true;
            }
        }

        return false;
    }
}
