using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;

namespace Worker.Tests.Crash;

/// <summary>
/// The store's content as sorted text lines, one per row, for comparing a crashed-and-rerun store with an
/// uninterrupted one. What a run records about itself (run ids, when a row was written, attempt counters,
/// the mail's Date header) differs between any two runs and is left out; everything the reports read is in.
/// </summary>
internal static class StoreDump
{
    /// <summary>Tables and the columns of each that are bookkeeping of one run, not data.</summary>
    private static readonly (string Table, string[] Ignored)[] Tables =
    [
        ("tickets", []),
        ("ticket_events", []),
        ("quarantine", ["quarantined_at"]),
        ("time_entries", []),
        ("feedback", []),
        ("knowledge_articles", []),
        ("teams", []),
        ("agents", []),
        ("leave", []),
        ("sync_state", ["last_started_at", "last_success_at", "last_failure_at", "rows_synced"]),

        // The mail as queued: its key, Message-ID and subject. Status and attempts are checked against the SMTP server instead.
        ("outbox", ["mime", "status", "attempts", "enqueued_at", "next_attempt_at", "sending_at", "sent_at", "last_error"]),
    ];

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Read(string databaseFile)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False;Mode=ReadWrite");
        connection.Open();
        var dump = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (table, ignored) in Tables)
        {
            var columns = Columns(connection, table).Where(c => !ignored.Contains(c, StringComparer.Ordinal) && !c.EndsWith("run_id", StringComparison.Ordinal)).ToList();
            if (columns.Count == 0)
            {
                continue;
            }

            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"\"{c}\""))} FROM \"{table}\"";
            using var reader = command.ExecuteReader();
            var rows = new List<string>();
            var line = new StringBuilder();
            while (reader.Read())
            {
                line.Clear();
                for (var i = 0; i < reader.FieldCount; i++)
                {
                    line.Append(i == 0 ? "" : " | ").Append(columns[i]).Append('=').Append(Text(reader.GetValue(i)));
                }

                rows.Add(line.ToString());
            }

            rows.Sort(StringComparer.Ordinal);
            dump[table] = rows;
        }

        return dump;
    }

    /// <summary>Null when equal; else which tables differ, with their counts and the first rows missing on either side.</summary>
    public static string? Difference(IReadOnlyDictionary<string, IReadOnlyList<string>> expected, IReadOnlyDictionary<string, IReadOnlyList<string>> actual)
    {
        var message = new StringBuilder();
        foreach (var table in expected.Keys.Union(actual.Keys).Order(StringComparer.Ordinal))
        {
            var want = expected.TryGetValue(table, out var e) ? e : [];
            var have = actual.TryGetValue(table, out var a) ? a : [];
            if (want.SequenceEqual(have, StringComparer.Ordinal))
            {
                continue;
            }

            var missing = want.Except(have, StringComparer.Ordinal).ToList();
            var extra = have.Except(want, StringComparer.Ordinal).ToList();
            message.AppendLine(CultureInfo.InvariantCulture, $"table {table}: {have.Count} rows, the uninterrupted run has {want.Count}; {missing.Count} missing, {extra.Count} not in the uninterrupted run.");
            foreach (var row in missing.Take(3))
            {
                message.AppendLine(CultureInfo.InvariantCulture, $"  missing: {row}");
            }

            foreach (var row in extra.Take(3))
            {
                message.AppendLine(CultureInfo.InvariantCulture, $"  extra:   {row}");
            }

            if (missing.Count == 0 && extra.Count == 0)
            {
                message.AppendLine("  the same rows, but some of them more than once.");
            }
        }

        return message.Length == 0 ? null : message.ToString();
    }

    /// <summary>A number the test can poll while a worker writes: rows in <paramref name="table"/> matching <paramref name="where"/>; 0 while the table does not exist yet.</summary>
    public static long Count(string databaseFile, string table, string where = "1 = 1")
    {
        if (!File.Exists(databaseFile))
        {
            return 0;
        }

        try
        {
            using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False;Mode=ReadWrite");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"SELECT COUNT(*) FROM \"{table}\" WHERE {where}";
            return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // not migrated yet, or locked by the writer at this instant
        }
    }

    private static List<string> Columns(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table) ORDER BY cid";
        command.Parameters.AddWithValue("$table", table);
        using var reader = command.ExecuteReader();
        var columns = new List<string>();
        while (reader.Read())
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }

    private static string Text(object value) => value switch
    {
        DBNull => "NULL",
        byte[] bytes => Convert.ToHexString(bytes),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
