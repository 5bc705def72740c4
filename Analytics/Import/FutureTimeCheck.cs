using System.Globalization;
using Analytics.Tickets;

namespace Analytics.Import;

/// <summary>
/// Finds a ticket's times that lie more than a day ahead of the real clock. A day, because exports are
/// written in the teams' own zones and clocks drift; more than that is an error in the source's clock or
/// data, and such a ticket would count as work that has not happened yet.
/// </summary>
public static class FutureTimeCheck
{
    public static readonly TimeSpan Tolerance = TimeSpan.FromDays(1);

    /// <summary>The fields (canonical names) later than <paramref name="now"/> plus a day; due dates are targets and may be.</summary>
    public static List<RowProblem> Problems(Ticket ticket, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(ticket);
        var limit = now + Tolerance;
        var problems = new List<RowProblem>();
        Check(problems, "opened_at", ticket.OpenedAt, limit, now);
        Check(problems, "first_response_at", ticket.FirstResponseAt, limit, now);
        Check(problems, "resolved_at", ticket.ResolvedAt, limit, now);
        Check(problems, "closed_at", ticket.ClosedAt, limit, now);
        Check(problems, "updated_at", ticket.UpdatedAt, limit, now);
        return problems;
    }

    private static void Check(List<RowProblem> problems, string field, DateTimeOffset? value, DateTimeOffset limit, DateTimeOffset now)
    {
        if (value is { } at && at > limit)
        {
            problems.Add(new RowProblem(
                field,
                at.ToString("u", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{field} {at:u} is more than a day in the future (now {now:u}); a wrong clock or date in the source? Set Import:FutureTimes to Keep to store such tickets")));
        }
    }
}
