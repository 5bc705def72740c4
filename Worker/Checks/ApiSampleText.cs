using System.Globalization;
using Analytics.Import;
using Analytics.Import.Api;

namespace Worker.Checks;

/// <summary>
/// One mapped record in words, to show an operator what the mapping made of it. No person's name: the
/// assignee and resolver are shown only as set or not (per-agent data stays out of logs and consoles).
/// </summary>
public static class ApiSampleText
{
    public static string Describe(ApiTicket record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var t = record.Ticket;
        var c = CultureInfo.InvariantCulture;
        var parts = new List<string>
        {
            Printable.Escape(t.TicketId),
            t.Kind.ToString().ToLowerInvariant(),
            $"team '{Printable.Escape(t.Team ?? "-")}'",
            t.Assignee is null ? "no assignee" : "assignee set",
            string.Create(c, $"opened {t.OpenedAt:yyyy-MM-dd HH:mm}"),
        };
        if (t.ResolvedAt is { } resolved)
        {
            parts.Add(string.Create(c, $"resolved {resolved:yyyy-MM-dd HH:mm}"));
        }

        if (t.Priority is { } priority)
        {
            parts.Add($"priority '{Printable.Escape(priority)}'");
        }

        parts.Add(record.Events.Count == 1 ? "1 event" : string.Create(c, $"{record.Events.Count} events"));
        return string.Join(", ", parts);
    }
}
