using System.Text.Json;
using System.Text.Json.Serialization;

namespace Analytics.Import.EventLog;

/// <summary>
/// The "eventLog" section of a generic mapping file: the export is an event log, one row per event of
/// a case (status change, activity, hand-over), and the import folds each case's events into one
/// ticket and its events. See docs/generic-mapping.md.
/// </summary>
public sealed record EventLogMapping
{
    /// <summary>Column (or XES attribute) holding the case id: the ticket id.</summary>
    public string? Case { get; init; }

    /// <summary>Column holding when the event happened.</summary>
    public string? Timestamp { get; init; }

    /// <summary>Column(s) naming the activity; several are joined with "-" ("Completed" + "Resolved").</summary>
    [JsonConverter(typeof(OneOrManyConverter))]
    public IReadOnlyList<string> Activity { get; init; } = [];

    /// <summary>Activities that open the case; without a match, the case's first event opens it.</summary>
    public IReadOnlyList<string> Opened { get; init; } = [];

    public IReadOnlyList<string> Resolved { get; init; } = [];

    /// <summary>Activities that close the case; a close without an earlier resolution resolves it too.</summary>
    public IReadOnlyList<string> Closed { get; init; } = [];

    /// <summary>Activities that reopen a resolved or closed case.</summary>
    public IReadOnlyList<string> Reopened { get; init; } = [];

    /// <summary>Per-event column of the team holding the case; every change is a hand-over.</summary>
    public string? Team { get; init; }

    /// <summary>Per-event column of the person holding the case.</summary>
    public string? Assignee { get; init; }

    /// <summary>Canonical fields that the fold derives from the events, so "columns" may not map them too.</summary>
    public static IReadOnlyList<string> DerivedFields { get; } =
    [
        "ticket_id", "opened_at", "resolved_at", "closed_at", "team", "assignee", "resolved_by",
        "reopen_count", "reassignment_count", "updated_at",
    ];

    internal IEnumerable<string> Check()
    {
        if (string.IsNullOrWhiteSpace(Case))
        {
            yield return "\"eventLog.case\" must name the column holding the case id";
        }

        if (string.IsNullOrWhiteSpace(Timestamp))
        {
            yield return "\"eventLog.timestamp\" must name the column holding the event's time";
        }

        if (Activity is null || Activity.Count == 0 || Activity.Any(string.IsNullOrWhiteSpace))
        {
            yield return "\"eventLog.activity\" must name the activity column (or a list of columns)";
        }

        foreach (var (name, list) in new[] { ("opened", Opened), ("resolved", Resolved), ("closed", Closed), ("reopened", Reopened) })
        {
            if (list is null || list.Any(string.IsNullOrWhiteSpace))
            {
                yield return $"\"eventLog.{name}\" must be a list of activity names";
            }
        }

        if (Resolved is { Count: 0 } && Closed is { Count: 0 })
        {
            yield return "\"eventLog\" needs \"resolved\" or \"closed\" activities: without them no case is ever resolved";
        }
    }

    /// <summary>Reads "activity" as one column name or a list of them.</summary>
    private sealed class OneOrManyConverter : JsonConverter<IReadOnlyList<string>>
    {
        public override IReadOnlyList<string> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                return [reader.GetString()!];
            }

            return JsonSerializer.Deserialize<string[]>(ref reader, options)
                ?? throw new JsonException("\"activity\" must be a column name or a list of column names");
        }

        public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options) =>
            JsonSerializer.Serialize(writer, value.ToArray(), options);
    }
}
