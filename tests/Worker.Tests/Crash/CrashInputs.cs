using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Worker.Tests.Crash;

/// <summary>Synthetic inputs big enough that a worker spends seconds on them, deterministic, with some rows that must be quarantined.</summary>
internal static class CrashInputs
{
    private static readonly string[] Teams = ["Service Desk", "Workplace", "Network"];
    private static readonly DateTime Start = new(2026, 3, 2, 8, 0, 0);
    private static readonly string[] SourceParameters =
        ["$id", "$kind", "$title", "$channel", "$team", "$assignee", "$resolvedBy", "$opened", "$firstResponse", "$resolved", "$breached", "$reassigned", "$minutes", "$updated"];

    /// <summary>
    /// A ServiceNow audit-trail export: three rows per incident (new, assigned to another team and an agent,
    /// resolved), which the import folds into one ticket and its status and assignment events. Every 250th
    /// incident has an unreadable opened_at on all its rows: quarantined, three rows each.
    /// </summary>
    public static void WriteServiceNowAuditTrail(string path, int incidents)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write("number,incident_state,active,sys_mod_count,opened_at,sys_updated_by,sys_updated_on,assignment_group,assigned_to,priority,category,resolved_at,closed_at,short_description\n");
        for (var n = 1; n <= incidents; n++)
        {
            var opened = Start.AddMinutes(11 * n);
            var openedText = n % 250 == 0 ? "not a date" : Iso(opened);
            var agent = $"Agent {n % 17}";
            var team = Teams[n % 3];
            var next = Teams[(n + 1) % 3];
            var resolved = opened.AddHours(3);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"INC{n:0000000},1,true,1,{openedText},{agent},{Iso(opened)},{team},,3 - Moderate,Hardware,,,Ticket {n}\n"));
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"INC{n:0000000},2,true,2,{openedText},{agent},{Iso(opened.AddMinutes(20))},{next},{agent},3 - Moderate,Hardware,,,Ticket {n}\n"));
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"INC{n:0000000},6,false,3,{openedText},{agent},{Iso(resolved)},{next},{agent},3 - Moderate,Hardware,{Iso(resolved)},,\"Ticket {n}, \"\"solved\"\"\"\n"));
        }
    }

    /// <summary>
    /// A SQLite ticketing database in the canonical columns that sql/sources/canonical-sqlite.sql reads. Every
    /// 300th ticket has a kind the worker does not know: quarantined, naming the ticket.
    /// </summary>
    public static void WriteCanonicalSource(string path, int tickets)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            CREATE TABLE tickets (
                ticket_id TEXT PRIMARY KEY, kind TEXT, title TEXT, category TEXT, subcategory TEXT, priority TEXT, channel TEXT,
                team TEXT, assignee TEXT, resolved_by TEXT, opened_at TEXT, first_response_at TEXT, resolved_at TEXT, closed_at TEXT,
                due_at TEXT, sla_breached INTEGER, reopen_count INTEGER, reassignment_count INTEGER, proactive TEXT,
                time_spent_minutes INTEGER, problem_id TEXT, caused_by_change TEXT, updated_at TEXT)
            """;
        command.ExecuteNonQuery();
        command.CommandText = """
            INSERT INTO tickets VALUES ($id, $kind, $title, 'Software', 'Mail', '2 - High', $channel, $team, $assignee, $resolvedBy,
                                        $opened, $firstResponse, $resolved, $resolved, NULL, $breached, 0, $reassigned, '0', $minutes, NULL, NULL, $updated)
            """;
        var parameters = SourceParameters.ToDictionary(name => name, name => command.Parameters.Add(name, SqliteType.Text));
        string[] kinds = ["incident", "request", "change", "task"];
        string[] channels = ["phone", "email", "portal", "chat"];
        for (var n = 1; n <= tickets; n++)
        {
            var opened = Start.AddMinutes(7 * n);
            var resolved = n % 4 == 0 ? (DateTime?)null : opened.AddHours(2 + (n % 30));
            parameters["$id"].Value = string.Create(CultureInfo.InvariantCulture, $"T{n:000000}");
            parameters["$kind"].Value = n % 300 == 0 ? "u_facilities_request" : kinds[n % kinds.Length];
            parameters["$title"].Value = string.Create(CultureInfo.InvariantCulture, $"Mailbox {n} full");
            parameters["$channel"].Value = channels[n % channels.Length];
            parameters["$team"].Value = Teams[n % 3];
            parameters["$assignee"].Value = string.Create(CultureInfo.InvariantCulture, $"Agent {n % 13}");
            parameters["$resolvedBy"].Value = resolved is null ? DBNull.Value : string.Create(CultureInfo.InvariantCulture, $"Agent {n % 13}");
            parameters["$opened"].Value = Iso(opened);
            parameters["$firstResponse"].Value = Iso(opened.AddMinutes(15));
            parameters["$resolved"].Value = resolved is { } r ? Iso(r) : DBNull.Value;
            parameters["$breached"].Value = n % 9 == 0 ? 1 : 0;
            parameters["$reassigned"].Value = n % 3;
            parameters["$minutes"].Value = 10 + (n % 50);

            // A distinct last change per row, so every batch moves the watermark.
            parameters["$updated"].Value = Iso((resolved ?? opened).AddSeconds(n));
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
