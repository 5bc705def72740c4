using System.Data.Common;
using Analytics.Tickets;

namespace Analytics.Storage;

/// <summary>The tickets table's columns, and how a <see cref="Ticket"/> is bound to and read from them.</summary>
internal static class TicketRows
{
    public static readonly string[] Keys = ["source", "ticket_id"];

    public static readonly string[] Columns =
    [
        "source", "ticket_id", "kind", "title", "category", "subcategory", "priority", "channel",
        "team", "assignee", "resolved_by", "opened_at", "first_response_at", "resolved_at", "closed_at",
        "due_at", "sla_breached", "reopen_count", "reassignment_count", "proactive", "time_spent_minutes",
        "problem_id", "caused_by_change", "updated_at", "row_hash", "import_fingerprint", "import_line",
    ];

    public static string SelectList => string.Join(", ", Columns[..24]);

    /// <summary>
    /// Adds one parameter per column, in <see cref="Columns"/> order, for a prepared command. They start as
    /// NULL rather than unset: Npgsql refuses to prepare a parameter with neither a value nor a type, and
    /// with an untyped NULL PostgreSQL infers each parameter's type from its column.
    /// </summary>
    public static void AddParameters(DbCommand command)
    {
        foreach (var column in Columns)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + column;
            parameter.Value = DBNull.Value;
            command.Parameters.Add(parameter);
        }
    }

    public static void Bind(DbCommand command, Ticket t, long hash, string? fingerprint, long? line, SqlDialect d)
    {
        var p = command.Parameters;
        p[0].Value = t.Source;
        p[1].Value = t.TicketId;
        p[2].Value = CanonicalNames.Of(t.Kind);
        p[3].Value = (object?)t.Title ?? DBNull.Value;
        p[4].Value = (object?)t.Category ?? DBNull.Value;
        p[5].Value = (object?)t.Subcategory ?? DBNull.Value;
        p[6].Value = (object?)t.Priority ?? DBNull.Value;
        p[7].Value = (object?)CanonicalNames.Of(t.Channel) ?? DBNull.Value;
        p[8].Value = (object?)t.Team ?? DBNull.Value;
        p[9].Value = (object?)t.Assignee ?? DBNull.Value;
        p[10].Value = (object?)t.ResolvedBy ?? DBNull.Value;
        p[11].Value = d.ToDb(t.OpenedAt);
        p[12].Value = d.ToDb(t.FirstResponseAt);
        p[13].Value = d.ToDb(t.ResolvedAt);
        p[14].Value = d.ToDb(t.ClosedAt);
        p[15].Value = d.ToDb(t.DueAt);
        p[16].Value = d.ToDb(t.SlaBreached);
        p[17].Value = t.ReopenCount;
        p[18].Value = t.ReassignmentCount;
        p[19].Value = d.ToDb(t.Proactive);
        p[20].Value = (object?)t.TimeSpentMinutes ?? DBNull.Value;
        p[21].Value = (object?)t.ProblemId ?? DBNull.Value;
        p[22].Value = (object?)t.CausedByChange ?? DBNull.Value;
        p[23].Value = d.ToDb(t.UpdatedAt);
        p[24].Value = hash;
        p[25].Value = (object?)fingerprint ?? DBNull.Value;
        p[26].Value = (object?)line ?? DBNull.Value;
    }

    /// <summary>Reads a row selected with <see cref="SelectList"/>.</summary>
    public static Ticket Read(DbDataReader r, SqlDialect d) => new()
    {
        Source = r.GetString(0),
        TicketId = r.GetString(1),
        Kind = CanonicalNames.ParseKind(r.GetString(2)),
        Title = NullableString(r, 3),
        Category = NullableString(r, 4),
        Subcategory = NullableString(r, 5),
        Priority = NullableString(r, 6),
        Channel = r.IsDBNull(7) ? null : CanonicalNames.ParseChannel(r.GetString(7)),
        Team = NullableString(r, 8),
        Assignee = NullableString(r, 9),
        ResolvedBy = NullableString(r, 10),
        OpenedAt = d.ReadInstant(r, 11),
        FirstResponseAt = d.ReadNullableInstant(r, 12),
        ResolvedAt = d.ReadNullableInstant(r, 13),
        ClosedAt = d.ReadNullableInstant(r, 14),
        DueAt = d.ReadNullableInstant(r, 15),
        SlaBreached = r.IsDBNull(16) ? null : d.ReadBool(r, 16),
        ReopenCount = Convert.ToInt32(r.GetValue(17), System.Globalization.CultureInfo.InvariantCulture),
        ReassignmentCount = Convert.ToInt32(r.GetValue(18), System.Globalization.CultureInfo.InvariantCulture),
        Proactive = d.ReadBool(r, 19),
        TimeSpentMinutes = r.IsDBNull(20) ? null : Convert.ToInt32(r.GetValue(20), System.Globalization.CultureInfo.InvariantCulture),
        ProblemId = NullableString(r, 21),
        CausedByChange = NullableString(r, 22),
        UpdatedAt = d.ReadInstant(r, 23),
    };

    private static string? NullableString(DbDataReader r, int ordinal) => r.IsDBNull(ordinal) ? null : r.GetString(ordinal);
}
