using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Analytics.Calendar;
using Spectre.Console;

namespace Worker.Cli;

/// <summary>
/// Writes an <see cref="OutputDocument"/> as json or csv to standard output, and a command's notes where they
/// belong: beside the tables, or on standard error when standard output is a document a script reads.
/// </summary>
public static class OutputWriter
{
    /// <summary>
    /// Standard output as Spectre.Console writes it (the same stream; a test's captured writer), used raw: the
    /// console would fold a long line at the terminal width and break the document.
    /// </summary>
    private static TextWriter Out => AnsiConsole.Profile.Out.Writer;

    /// <summary>A line for the reader of the tables; on standard error when the output is a document.</summary>
    public static void Note(OutputFormat format, string text)
    {
        if (format == OutputFormat.Table)
        {
            AnsiConsole.MarkupLine(Markup.Escape(text));
        }
        else
        {
            Console.Error.WriteLine(text);
        }
    }

    /// <summary>Writes the document; exit 2, with one line on stderr, when <paramref name="table"/> names no table of it.</summary>
    public static int Write(string command, OutputDocument document, OutputFormat format, string? table = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (format == OutputFormat.Json)
        {
            Out.Write(Json(document));
            Out.Flush();
            return 0;
        }

        var chosen = table is null ? document.Tables[0] : document.Tables.FirstOrDefault(t => string.Equals(t.Name, table, StringComparison.OrdinalIgnoreCase));
        if (chosen is null)
        {
            Console.Error.WriteLine($"{command}: --table '{table}' is not in this output; its tables: {string.Join(", ", document.Tables.Select(t => t.Name))}.");
            return 2;
        }

        Out.Write(Csv(chosen));
        Out.Flush();
        return 0;
    }

    /// <summary>The document as one JSON object: its values, then one array of objects per table.</summary>
    public static string Json(OutputDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        using var buffer = new MemoryStream();

        // Names of people and teams stay readable (é, not \u00e9); the document is never embedded in HTML.
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            foreach (var (name, value) in document.Properties)
            {
                json.WritePropertyName(name);
                WriteJsonValue(json, value);
            }

            foreach (var table in document.Tables)
            {
                json.WriteStartArray(table.Name);
                foreach (var row in table.Rows)
                {
                    json.WriteStartObject();
                    for (var i = 0; i < row.Length; i++)
                    {
                        json.WritePropertyName(table.Columns[i]);
                        WriteJsonValue(json, row[i]);
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>The table as RFC 4180 CSV: a header row, CRLF line ends, a field quoted when it holds a comma, quote or line break.</summary>
    public static string Csv(OutputTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var csv = new StringBuilder();
        csv.AppendJoin(',', table.Columns.Select(Field)).Append("\r\n");
        foreach (var row in table.Rows)
        {
            csv.AppendJoin(',', row.Select(cell => Field(CsvText(cell)))).Append("\r\n");
        }

        return csv.ToString();
    }

    private static string Field(string text) =>
        text.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;

    private static void WriteJsonValue(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null:
                json.WriteNullValue();
                break;
            case string text:
                json.WriteStringValue(text);
                break;
            case bool flag:
                json.WriteBooleanValue(flag);
                break;
            case int number:
                json.WriteNumberValue(number);
                break;
            case long number:
                json.WriteNumberValue(number);
                break;
            case decimal number:
                json.WriteNumberValue(number);
                break;
            case double number when double.IsFinite(number):
                json.WriteNumberValue(number);
                break;
            case double:
                // No figure, not a number: JSON has no NaN, and 0 would claim a value.
                json.WriteNullValue();
                break;
            case IReadOnlyDictionary<string, object?> map:
                json.WriteStartObject();
                foreach (var (key, item) in map)
                {
                    json.WritePropertyName(key);
                    WriteJsonValue(json, item);
                }

                json.WriteEndObject();
                break;
            case IEnumerable items and not string:
                json.WriteStartArray();
                foreach (var item in items)
                {
                    WriteJsonValue(json, item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteStringValue(Scalar(value));
                break;
        }
    }

    private static string CsvText(object? value) => value switch
    {
        null => "",

        // Team and agent names come from ticket data; a spreadsheet would run "=HYPERLINK(...)" as a formula (CWE-1236).
        string text when text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' => "'" + text,
        bool flag => flag ? "true" : "false",
        double number when !double.IsFinite(number) => "",
        IReadOnlyDictionary<string, object?> map => string.Join("; ", map.Select(p => $"{p.Key}={CsvText(p.Value)}")),
        IEnumerable items and not string => string.Join("; ", items.Cast<object?>().Select(CsvText)),
        _ => Scalar(value),
    };

    /// <summary>One value as text in the invariant culture: ISO dates, weeks and instants (UTC), round-trip numbers.</summary>
    private static string Scalar(object value) => value switch
    {
        string text => text,
        double number => number.ToString("R", CultureInfo.InvariantCulture),
        decimal number => number.ToString(CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        TimeOnly time => time.ToString("HH:mm", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
        IsoWeek week => week.ToString(),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
