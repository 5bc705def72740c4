using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Analytics.Tickets;

namespace Analytics.Storage;

/// <summary>
/// A stable 64-bit fingerprint of a ticket's canonical content. The import compares it with the
/// stored one to tell "updated" from "unchanged" without reading the whole row back.
/// </summary>
public static class TicketHash
{
    private const char Separator = '\u001f';

    public static long Compute(Ticket ticket)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var sb = new StringBuilder(256);
        Append(sb, ticket.Source);
        Append(sb, ticket.TicketId);
        Append(sb, CanonicalNames.Of(ticket.Kind));
        Append(sb, ticket.Title);
        Append(sb, ticket.Category);
        Append(sb, ticket.Subcategory);
        Append(sb, ticket.Priority);
        Append(sb, CanonicalNames.Of(ticket.Channel));
        Append(sb, ticket.Team);
        Append(sb, ticket.Assignee);
        Append(sb, ticket.ResolvedBy);
        Append(sb, ticket.OpenedAt);
        Append(sb, ticket.FirstResponseAt);
        Append(sb, ticket.ResolvedAt);
        Append(sb, ticket.ClosedAt);
        Append(sb, ticket.DueAt);
        Append(sb, ticket.SlaBreached?.ToString());
        Append(sb, ticket.ReopenCount.ToString(CultureInfo.InvariantCulture));
        Append(sb, ticket.ReassignmentCount.ToString(CultureInfo.InvariantCulture));
        Append(sb, ticket.Proactive.ToString());
        Append(sb, ticket.TimeSpentMinutes?.ToString(CultureInfo.InvariantCulture));
        Append(sb, ticket.ProblemId);
        Append(sb, ticket.CausedByChange);
        Append(sb, ticket.UpdatedAt);

        var bytes = Encoding.UTF8.GetBytes(sb.ToString());
        return unchecked((long)XxHash64.HashToUInt64(bytes));
    }

    private static void Append(StringBuilder sb, string? value) =>
        sb.Append(value ?? "\u0000").Append(Separator);

    private static void Append(StringBuilder sb, DateTimeOffset? value) =>
        Append(sb, value?.UtcTicks.ToString(CultureInfo.InvariantCulture));
}
