namespace Analytics.Import.EventLog;

/// <summary>The columns an event log's mapping names, found in the file's header.</summary>
internal sealed class EventLogColumns
{
    private EventLogColumns(Column @case, Column timestamp, IReadOnlyList<Column> activity, Column? team, Column? assignee)
    {
        Case = @case;
        Timestamp = timestamp;
        Activity = activity;
        Team = team;
        Assignee = assignee;
    }

    public Column Case { get; }

    public Column Timestamp { get; }

    public IReadOnlyList<Column> Activity { get; }

    public Column? Team { get; }

    public Column? Assignee { get; }

    /// <summary>Finds every named column; a missing one stops the import before any row is read.</summary>
    public static EventLogColumns Bind(CsvHeader header, EventLogMapping mapping, string mappingFile)
    {
        Column Find(string property, string name) =>
            header.Find(name) ?? throw new ImportFileException(
                $"The mapping file '{mappingFile}' reads eventLog.{property} from column '{name}', which the file does not have. Columns found: {string.Join(", ", header.Names.Take(40))}.");

        return new EventLogColumns(
            Find("case", mapping.Case!),
            Find("timestamp", mapping.Timestamp!),
            mapping.Activity.Select(a => Find("activity", a)).ToArray(),
            mapping.Team is { } team ? Find("team", team) : null,
            mapping.Assignee is { } assignee ? Find("assignee", assignee) : null);
    }

    /// <summary>The activity: the named columns' values joined with "-"; missing when all are empty.</summary>
    public string? ActivityOf(RowReader row)
    {
        if (Activity.Count == 1)
        {
            return row.RequiredText(Activity[0]);
        }

        var parts = Activity.Select(c => row.Text(c)).Where(p => p is not null).ToArray();
        if (parts.Length == 0)
        {
            row.Problem(string.Join("+", Activity.Select(a => a.Name)), null, "required value is missing");
            return null;
        }

        return string.Join('-', parts);
    }
}
