using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Worker.Delivery;
using Worker.Tests.Support;

namespace Worker.Tests.Crash;

/// <summary>
/// Each recipient has exactly one mail per report on the SMTP server, or an "unconfirmed" outbox entry (a send
/// cut off by the kill, which the worker must not repeat on its own) and then at most one.
/// </summary>
internal static class MailCheck
{
    /// <summary>Null when every mail is accounted for; else one line per mail that is missing, doubled, misaddressed or stuck.</summary>
    public static string? Problems(string databaseFile, SmtpSink sink)
    {
        var unconfirmed = UnconfirmedMails(databaseFile);
        var received = sink.Messages()
            .GroupBy(m => m.Message.MessageId ?? "(none)", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(m => string.Join(",", m.RcptTo)).ToList(), StringComparer.Ordinal);
        var problems = new StringBuilder();
        var known = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, messageId, status) in Outbox(databaseFile))
        {
            known.Add(messageId);
            var copies = received.TryGetValue(messageId, out var rcpts) ? rcpts : [];
            if (copies.Any(r => !string.Equals(r, key.Recipient, StringComparison.OrdinalIgnoreCase)))
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"{key}: delivered to {string.Join(" and ", copies)}");
            }

            if (unconfirmed.Contains(key))
            {
                if (copies.Count > 1)
                {
                    problems.AppendLine(CultureInfo.InvariantCulture, $"{key}: unconfirmed, yet on the server {copies.Count} times");
                }
            }
            else if (status != OutboxStatus.Sent)
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"{key}: left '{status}' after the rerun ({copies.Count} on the server)");
            }
            else if (copies.Count != 1)
            {
                problems.AppendLine(CultureInfo.InvariantCulture, $"{key}: sent, and on the server {copies.Count} times");
            }
        }

        foreach (var (messageId, rcpts) in received.Where(r => !known.Contains(r.Key)))
        {
            problems.AppendLine(CultureInfo.InvariantCulture, $"a mail to {string.Join(", ", rcpts)} (Message-ID {messageId}) that is in no outbox entry");
        }

        return problems.Length == 0 ? null : problems.ToString();
    }

    /// <summary>
    /// The mails an operator sees as unconfirmed (a send a crash cut off: it may or may not have arrived, so the
    /// worker does not repeat it). Read from the outbox table: this is what <c>mail list</c> shows, and the
    /// one place to read that command's output instead once it exists.
    /// </summary>
    public static IReadOnlySet<OutboxKey> UnconfirmedMails(string databaseFile) =>
        Outbox(databaseFile).Where(m => m.Status == OutboxStatus.Unconfirmed).Select(m => m.Key).ToHashSet();

    /// <summary>Mails not yet settled: queued, or being handed to the server.</summary>
    public static long Unsettled(string databaseFile) =>
        StoreDump.Count(databaseFile, "outbox", $"status IN ('{OutboxStatus.Pending}', '{OutboxStatus.Sending}')");

    private static List<(OutboxKey Key, string MessageId, string Status)> Outbox(string databaseFile)
    {
        using var connection = new SqliteConnection($"Data Source={databaseFile};Pooling=False;Mode=ReadWrite");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT report_kind, period, scope, recipient, message_id, status FROM outbox";
        using var reader = command.ExecuteReader();
        var mails = new List<(OutboxKey, string, string)>();
        while (reader.Read())
        {
            mails.Add((new OutboxKey(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)), reader.GetString(4), reader.GetString(5)));
        }

        return mails;
    }
}
