namespace Analytics.Import.EventLog;

/// <summary>
/// Lays out a case's case-level values as one record of the file's width: each column holds its last
/// non-empty value in the case (events in time order), remembering the line it came from so that a
/// problem with it names that line.
/// </summary>
internal sealed class CaseRecord(int width, IReadOnlyList<Column> caseColumns)
{
    private readonly long[] _lines = new long[caseColumns.Count];

    public CsvRecord Build(IReadOnlyList<StagedEvent> history)
    {
        var fields = new string[width];
        Array.Fill(fields, string.Empty);
        Array.Clear(_lines);
        foreach (var e in history)
        {
            if (e.CaseValues is null)
            {
                continue;
            }

            var values = e.CaseValues.Split(StagedEvent.ValueSeparator);
            for (var i = 0; i < values.Length && i < caseColumns.Count; i++)
            {
                if (values[i].Length > 0)
                {
                    fields[caseColumns[i].Index] = values[i];
                    _lines[i] = e.Line;
                }
            }
        }

        return new CsvRecord(history[^1].Line, fields, string.Empty);
    }

    /// <summary>The line whose value of <paramref name="columnName"/> the case took, else <paramref name="fallback"/>.</summary>
    public long LineOf(string columnName, long fallback)
    {
        for (var i = 0; i < caseColumns.Count; i++)
        {
            if (string.Equals(caseColumns[i].Name, columnName, StringComparison.Ordinal) && _lines[i] > 0)
            {
                return _lines[i];
            }
        }

        return fallback;
    }
}
