using System.Globalization;
using Analytics.Calendar;
using Analytics.Storage;
using Analytics.Workload;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Reports.Text;
using Worker.Delivery;
using Worker.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace Worker.Reporting;

/// <summary>
/// The daily overload check: flags for the last complete week, and an alert only when a team's flag
/// is new or worse than the week before (the outbox key makes a repeated run within the week silent).
/// The team's managers get the team's and its agents' flags; the department list gets the team flags.
/// </summary>
public sealed class OverloadAlerts(
    WorkloadCalculator calculator,
    OverloadDetector detector,
    ICapacityOutlook capacity,
    IOptions<WorkloadOptions> options,
    ReportRecipients recipients,
    ReportLanguages languages,
    Outbox outbox,
    ReferenceStore reference,
    [FromKeyedServices(FiguresClock.Key)] TimeProvider time,
    ILogger<OverloadAlerts> logger) : IOverloadCheck
{
    public async Task RunAsync(CancellationToken cancellationToken) => await CheckAsync(null, cancellationToken);

    /// <summary>Checks <paramref name="week"/> (default: the last complete week) and returns the alerts queued.</summary>
    public async Task<int> CheckAsync(IsoWeek? week, CancellationToken cancellationToken)
    {
        var workload = options.Value;
        var target = week ?? IsoWeek.LastCompleted(time.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById(workload.TimeZone));
        var history = await calculator.ComputeAsync(target.AddWeeks(-(workload.BaselineWeeks + 8)), target, cancellationToken);
        var outlook = await capacity.GetAsync(target.Next(), 4, cancellationToken);
        var now = detector.Detect(history, target, outlook);
        var before = detector.Detect(history, target.Previous(), []);
        var alerts = now.Teams.Where(f => before.Teams.FirstOrDefault(b => b.Team == f.Team) is not { } previous || f.Severity > previous.Severity).ToList();
        if (alerts.Count == 0)
        {
            Log.OverloadChecked(logger, target, now.Teams.Count, 0, 0);
            return 0;
        }

        var teams = await reference.GetTeamsAsync(cancellationToken);
        var queued = 0;
        foreach (var flag in alerts)
        {
            var agents = now.Agents.Where(a => a.Team == flag.Team).ToList();
            var audience = ReportAudience.ForTeamManagers(flag.Team);
            foreach (var to in recipients.For(audience, teams))
            {
                queued += await outbox.EnqueueAsync(Alert(Wording.For(languages.For(audience)), flag, agents, audience, to, target), cancellationToken) ? 1 : 0;
            }
        }

        foreach (var to in recipients.For(ReportAudience.Department, teams))
        {
            var key = string.Join(",", alerts.Select(a => a.Team).Order(StringComparer.Ordinal));
            queued += await outbox.EnqueueAsync(DepartmentAlert(Wording.For(languages.For(ReportAudience.Department)), alerts, to, target, key), cancellationToken) ? 1 : 0;
        }

        Log.OverloadChecked(logger, target, now.Teams.Count, alerts.Count, queued);
        return queued;
    }

    private static OutgoingMail Alert(Wording t, TeamFlag flag, IReadOnlyList<AgentFlag> agents, ReportAudience audience, string to, IsoWeek week)
    {
        var lines = flag.Reasons.Select(r => Said(t, r)).ToList();
        var people = agents.Select(a => $"{a.Agent}: {string.Join("; ", a.Reasons.Select(r => Said(t, r)))}").ToList();
        var flagged = t.Format("Alert.Flagged", flag.Team, Severity(t, flag), t.Week(week));
        var text = $"{flagged}:\n- {string.Join("\n- ", lines)}" + (people.Count > 0 ? $"\n\n{t["Alert.Agents"]}:\n- {string.Join("\n- ", people)}" : "");
        var html = $"<p>{Escape(t.Format("Alert.Flagged", flag.Team, "\u0001", t.Week(week))).Replace("\u0001", $"<strong>{Escape(Severity(t, flag))}</strong>", StringComparison.Ordinal)}:</p><ul>{string.Concat(lines.Select(l => $"<li>{Escape(l)}</li>"))}</ul>"
            + (people.Count > 0 ? $"<p>{Escape(t["Alert.AgentsManagerOnly"])}:</p><ul>{string.Concat(people.Select(p => $"<li>{Escape(p)}</li>"))}</ul>" : "");
        return new OutgoingMail
        {
            Key = new OutboxKey("overload-alert", string.Create(CultureInfo.InvariantCulture, $"{week}/{flag.Severity}"), audience.Scope, to),
            Subject = t.Format("Alert.Subject", flag.Team, t.Week(week), Severity(t, flag)),
            HtmlBody = html,
            TextBody = text,
        };
    }

    private static OutgoingMail DepartmentAlert(Wording t, IReadOnlyList<TeamFlag> flags, string to, IsoWeek week, string teams)
    {
        var html = string.Concat(flags.Select(f => $"<p><strong>{Escape(f.Team)}</strong> ({Escape(Severity(t, f))}):</p><ul>{string.Concat(f.Reasons.Select(r => $"<li>{Escape(Said(t, r))}</li>"))}</ul>"));
        var text = string.Join("\n\n", flags.Select(f => $"{f.Team} ({Severity(t, f)}):\n- {string.Join("\n- ", f.Reasons.Select(r => Said(t, r)))}"));
        return new OutgoingMail
        {
            Key = new OutboxKey("overload-alert", $"{week}/{teams}/{string.Join(",", flags.Select(f => f.Severity))}", ReportAudience.Department.Scope, to),
            Subject = t.Format("Alert.DepartmentSubject", t.Week(week), string.Join(", ", flags.Select(f => f.Team))),
            HtmlBody = html,
            TextBody = text,
        };
    }

    private static string Severity(Wording t, TeamFlag flag) => t["Severity." + flag.Severity];

    /// <summary>A reason in the readers' language, as the analytics wrote it (no capital, no full stop: the alert lists it).</summary>
    private static string Said(Wording t, FlagReason reason) => reason.Phrase is { } phrase ? t.Say(phrase) : reason.Text;

    private static string Escape(string text) => System.Net.WebUtility.HtmlEncode(Reports.Layout.ReportText.Clean(text));
}
