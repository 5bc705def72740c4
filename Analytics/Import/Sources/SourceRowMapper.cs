using System.Data.Common;
using System.Globalization;
using Analytics.Tickets;

namespace Analytics.Import.Sources;

/// <summary>
/// Reads the canonical columns of a source query's rows into tickets. Columns are found by name
/// (any case); a value that cannot be read is a problem naming the column, and the row is quarantined
/// whole, as a CSV row would be. Text values (yes/no words, numbers, dates with or without an offset) are read
/// through <see cref="FieldParser"/>, as CSV rows are, in the source's date layout; only values the database
/// already types (booleans, numbers, timestamps) are taken as they are.
/// </summary>
internal sealed class SourceRowMapper
{
    public const string KeyColumn = "ticket_id";

    private static readonly string[] Required = ["ticket_id", "kind", "opened_at", "updated_at"];

    private static readonly string[] Known =
    [
        "ticket_id", "kind", "title", "category", "subcategory", "priority", "channel", "team", "assignee",
        "resolved_by", "opened_at", "first_response_at", "resolved_at", "closed_at", "due_at", "sla_breached",
        "reopen_count", "reassignment_count", "proactive", "time_spent_minutes", "problem_id", "caused_by_change",
        "updated_at",
    ];

    private readonly Dictionary<string, int> _ordinals;
    private readonly string _source;
    private readonly TimeZoneInfo _zone;
    private readonly DateFormat _dateFormat;
    private readonly List<RowProblem> _problems = [];
    private DbDataReader _reader = null!;

    private SourceRowMapper(Dictionary<string, int> ordinals, string source, TimeZoneInfo zone, DateFormat dateFormat)
    {
        _ordinals = ordinals;
        _source = source;
        _zone = zone;
        _dateFormat = dateFormat;
    }

    /// <summary>Binds to the query's columns; a query without the required ones is refused before any row is read.</summary>
    public static SourceRowMapper Bind(DbDataReader reader, string source, string queryFile, TimeZoneInfo zone, DateFormat dateFormat)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var ordinals = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < reader.FieldCount; i++)
        {
            ordinals.TryAdd(reader.GetName(i), i);
        }

        var missing = Required.Where(c => !ordinals.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            throw new SourceQueryException(
                $"Source '{source}': the query in {queryFile} returns no column {string.Join(", ", missing.Select(m => $"'{m}'"))}. " +
                $"A source query must return the canonical columns ({string.Join(", ", Known)}); see docs/sync-sources.md.");
        }

        return new SourceRowMapper(ordinals, source, zone, dateFormat);
    }

    /// <summary>The row's key as text, for naming it in the quarantine even when other fields are bad.</summary>
    public string Key
    {
        get
        {
            try
            {
                return _ordinals.TryGetValue(KeyColumn, out var i) && !_reader.IsDBNull(i)
                    ? Printable.Escape(Convert.ToString(_reader.GetValue(i), CultureInfo.InvariantCulture) ?? string.Empty)
                    : "(no ticket_id)";
            }
            catch (Exception ex) when (ex is InvalidCastException or OverflowException or ArgumentOutOfRangeException or FormatException)
            {
                return "(unreadable ticket_id)";
            }
        }
    }

    /// <summary>What is wrong with the row <see cref="Map"/> last read; empty for a good row.</summary>
    public IReadOnlyList<RowProblem> Problems => _problems;

    public Ticket? Map(DbDataReader reader)
    {
        _reader = reader;
        _problems.Clear();

        var id = Text("ticket_id");
        var kindText = Text("kind");
        TicketKind kind = default;
        if (kindText is not null && !CanonicalNames.TryParseKind(kindText, out kind))
        {
            Problem("kind", kindText, "not a ticket kind (incident, request, change, problem, task, maintenance)");
        }

        var channelText = Text("channel");
        Channel? channel = null;
        if (channelText is not null)
        {
            if (CanonicalNames.TryParseChannel(channelText, out var c))
            {
                channel = c;
            }
            else
            {
                Problem("channel", channelText, "not a channel (phone, email, portal, chat, walk_in, monitoring)");
            }
        }

        var ticket = new
        {
            Title = Text("title"),
            Category = Text("category"),
            Subcategory = Text("subcategory"),
            Priority = Text("priority"),
            Team = Text("team"),
            Assignee = Text("assignee"),
            ResolvedBy = Text("resolved_by"),
            OpenedAt = Instant("opened_at"),
            FirstResponseAt = Instant("first_response_at"),
            ResolvedAt = Instant("resolved_at"),
            ClosedAt = Instant("closed_at"),
            DueAt = Instant("due_at"),
            SlaBreached = Bool("sla_breached"),
            ReopenCount = Number("reopen_count") ?? 0,
            ReassignmentCount = Number("reassignment_count") ?? 0,
            Proactive = Bool("proactive") ?? false,
            TimeSpent = Number("time_spent_minutes"),
            ProblemId = Text("problem_id"),
            CausedByChange = Text("caused_by_change"),
            UpdatedAt = Instant("updated_at"),
        };

        foreach (var column in Required)
        {
            if (!_problems.Any(p => p.Field == column) && IsNull(column))
            {
                Problem(column, null, "required value is missing");
            }
        }

        if (_problems.Count > 0 || id is null || kindText is null || ticket.OpenedAt is null || ticket.UpdatedAt is null)
        {
            return null;
        }

        return new Ticket
        {
            Source = _source,
            TicketId = id,
            Kind = kind,
            Title = ticket.Title,
            Category = ticket.Category,
            Subcategory = ticket.Subcategory,
            Priority = ticket.Priority,
            Channel = channel,
            Team = ticket.Team,
            Assignee = ticket.Assignee,
            ResolvedBy = ticket.ResolvedBy,
            OpenedAt = ticket.OpenedAt.Value,
            FirstResponseAt = ticket.FirstResponseAt,
            ResolvedAt = ticket.ResolvedAt,
            ClosedAt = ticket.ClosedAt,
            DueAt = ticket.DueAt,
            SlaBreached = ticket.SlaBreached,
            ReopenCount = ticket.ReopenCount,
            ReassignmentCount = ticket.ReassignmentCount,
            Proactive = ticket.Proactive,
            TimeSpentMinutes = ticket.TimeSpent,
            ProblemId = ticket.ProblemId,
            CausedByChange = ticket.CausedByChange,
            UpdatedAt = ticket.UpdatedAt.Value,
        };
    }

    /// <summary>The updated_at of the current row if it is readable, whatever else is wrong with it, so the watermark can pass a quarantined row.</summary>
    public DateTimeOffset? TryUpdatedAt()
    {
        var saved = _problems.Count;
        var value = Instant("updated_at");
        _problems.RemoveRange(saved, _problems.Count - saved);
        return value;
    }

    private bool IsNull(string column) =>
        !_ordinals.TryGetValue(column, out var i) || _reader.IsDBNull(i) || (_reader.GetValue(i) is string s && MissingValues.IsMissing(s));

    private string? Raw(string column)
    {
        if (!_ordinals.TryGetValue(column, out var i) || _reader.IsDBNull(i))
        {
            return null;
        }

        return TryGetValue(column, i, out var value) ? Convert.ToString(value, CultureInfo.InvariantCulture) : null;
    }

    private string? Text(string column)
    {
        var raw = Raw(column);
        var text = FieldParser.Text(raw, out var problem);
        if (problem is not null)
        {
            Problem(column, FieldParser.Shown(raw!), problem);
        }

        return text;
    }

    private DateTimeOffset? Instant(string column)
    {
        if (!_ordinals.TryGetValue(column, out var i) || _reader.IsDBNull(i))
        {
            return null;
        }

        if (!TryGetValue(column, i, out var value))
        {
            return null;
        }

        DateTimeOffset typed;
        switch (value)
        {
            case DateTimeOffset dto:
                typed = dto;
                break;
            case DateTime { Kind: DateTimeKind.Utc } utc:
                typed = new DateTimeOffset(utc);
                break;
            case DateTime local:
                if (!LocalTime.TryToUtc(local, _zone, out typed))
                {
                    Problem(column, local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), FieldParser.DateOutOfRange);
                    return null;
                }

                break;
            case string:
                var text = Text(column);
                if (text is null)
                {
                    return null;
                }

                if (FieldParser.TryInstant(text, _dateFormat, _zone, out var parsed, out var rangeProblem))
                {
                    return parsed;
                }

                Problem(column, text, rangeProblem ?? $"not a date in the source's format ({_dateFormat.Name}, setting DateFormat) or ISO 8601");
                return null;
            default:
                Problem(column, Convert.ToString(value, CultureInfo.InvariantCulture), "not a date and time");
                return null;
        }

        var whole = FieldParser.WholeSeconds(typed);
        if (FieldParser.OutOfRange(whole) is { } problem)
        {
            Problem(column, whole.ToString("u", CultureInfo.InvariantCulture), problem);
            return null;
        }

        return whole;
    }

    /// <summary>
    /// The column's value; false, with the column quarantined, when the driver cannot hand it over (a PostgreSQL
    /// date past 9999, 'infinity' where the driver refuses it, a decimal too large for .NET).
    /// </summary>
    private bool TryGetValue(string column, int ordinal, out object value)
    {
        try
        {
            value = _reader.GetValue(ordinal);
            return true;
        }
        catch (Exception ex) when (ex is InvalidCastException or OverflowException or ArgumentOutOfRangeException or FormatException)
        {
            Problem(column, null, $"the database value cannot be read: {ex.Message}");
            value = DBNull.Value;
            return false;
        }
    }

    private int? Number(string column)
    {
        if (!_ordinals.TryGetValue(column, out var i) || _reader.IsDBNull(i))
        {
            return null;
        }

        if (!TryGetValue(column, i, out var value))
        {
            return null;
        }

        if (value is string)
        {
            value = Text(column);
            if (value is null)
            {
                return null;
            }
        }

        if (value is not bool && FieldParser.TryWholeNumber(value, out var number))
        {
            return number;
        }

        Problem(column, Convert.ToString(value, CultureInfo.InvariantCulture), FieldParser.NotWholeNumber);
        return null;
    }

    private bool? Bool(string column)
    {
        if (!_ordinals.TryGetValue(column, out var i) || _reader.IsDBNull(i))
        {
            return null;
        }

        if (!TryGetValue(column, i, out var value))
        {
            return null;
        }

        switch (value)
        {
            case bool b:
                return b;
            case long or int or short or byte or decimal:
                return Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0;
            case string:
                var text = Text(column);
                if (text is null)
                {
                    return null;
                }

                if (FieldParser.TryYesNo(text, out var yes))
                {
                    return yes;
                }

                break;
        }

        Problem(column, Convert.ToString(value, CultureInfo.InvariantCulture), FieldParser.NotYesNo);
        return null;
    }

    private void Problem(string column, string? raw, string reason) =>
        _problems.Add(new RowProblem(column, QuarantinedRow.Cap(raw), reason));
}
