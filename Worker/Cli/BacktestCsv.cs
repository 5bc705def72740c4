using System.Globalization;
using System.Text;
using Analytics.Forecasting;

namespace Worker.Cli;

/// <summary>
/// The backtest of a forecast as CSV (<c>forecast --backtest-csv</c>): one row per out-of-sample forecast, so that
/// anyone can re-score it. Comma-separated, UTF-8 without BOM, one header line, fields quoted only when they hold a
/// comma, a quote or a line break (quotes doubled); dates ISO 8601 (yyyy-MM-dd), numbers in the invariant culture.
/// </summary>
internal static class BacktestCsv
{
    public const string Header = "series,origin,date,step,actual,forecast,lo80,hi80,lo95,hi95,method";

    /// <summary>
    /// Writes the header and every record, ordered by series (in the order they first appear), origin and date.
    /// Returns the number of rows written (without the header).
    /// </summary>
    public static int Write(TextWriter writer, IEnumerable<BacktestRecord> records)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(records);
        var list = records.ToList();
        var seriesOrder = new Dictionary<SeriesKey, int>();
        foreach (var r in list)
        {
            seriesOrder.TryAdd(r.Series, seriesOrder.Count);
        }

        writer.Write(Header);
        writer.Write('\n');
        var line = new StringBuilder();
        foreach (var r in list.OrderBy(r => seriesOrder[r.Series]).ThenBy(r => r.Origin).ThenBy(r => r.Date))
        {
            line.Clear()
                .Append(Field(SeriesName(r.Series))).Append(',')
                .Append(Date(r.Origin)).Append(',')
                .Append(Date(r.Date)).Append(',')
                .Append(r.Step.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append(Number(r.Actual)).Append(',')
                .Append(Number(r.Forecast)).Append(',')
                .Append(Number(r.Lower80)).Append(',')
                .Append(Number(r.Upper80)).Append(',')
                .Append(Number(r.Lower95)).Append(',')
                .Append(Number(r.Upper95)).Append(',')
                .Append(Field(MethodName(r.Method)))
                .Append('\n');
            writer.Write(line);
        }

        return list.Count;
    }

    /// <summary>
    /// "department", the team's name, or "team/breakdown" (a breakdown without a category or kind is the empty
    /// text, so "team/").
    /// </summary>
    public static string SeriesName(SeriesKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.Level switch
        {
            SeriesLevel.Department => "department",
            SeriesLevel.Team => key.Team!,
            _ => key.Team + "/" + key.Breakdown,
        };
    }

    /// <summary>The method in snake case: <c>model</c>, <c>seasonal_naive</c>, <c>moving_average</c> (and so on for any later method).</summary>
    public static string MethodName(ForecastMethod method)
    {
        var name = method.ToString();
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }

    /// <summary>A field as CSV: quoted, with its quotes doubled, when it holds a comma, a quote or a line break.</summary>
    public static string Field(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The shortest text that reads back as the same double; an empty field for a value that is not a number.</summary>
    private static string Number(double value) => double.IsFinite(value) ? value.ToString(CultureInfo.InvariantCulture) : "";
}
