using Analytics.Calendar;
using Worker.Delivery;
using Worker.Reporting;
using Worker.Tests.Support;

namespace Worker.Tests.Reporting;

/// <summary>The daily overload check on demo data: an alert when a flag is new or worse, silence when it is not.</summary>
public sealed class OverloadAlertsTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task NewFlag_IsAlertedToTheTeamsManagersAndTheDepartment_Once()
    {
        var settings = TestSettings.Embedded(_folder.Path);
        settings["Delivery:Department:Recipients:0"] = "cio@example.org";
        using var harness = await ReportingHarness.StartAsync(settings);
        var alerts = harness.Service<OverloadAlerts>();
        var scenario = harness.Data.Scenario;

        // Before the overload no team is flagged; in its first flagged week the Workplace alert goes out.
        Assert.Equal(0, await alerts.CheckAsync(scenario.OverloadFirstWeek.AddWeeks(-2), CancellationToken.None));
        var firstFlagged = scenario.OverloadFirstWeek;
        while (!await WorkplaceFlaggedAsync(harness, firstFlagged))
        {
            firstFlagged = firstFlagged.Next();
        }

        var queued = await alerts.CheckAsync(firstFlagged, CancellationToken.None);
        var again = await alerts.CheckAsync(firstFlagged, CancellationToken.None);

        Assert.Equal(2, queued);
        Assert.Equal(0, again);
        var mails = await harness.Service<Outbox>().GetAsync(null, CancellationToken.None);
        Assert.Contains(mails, m => m.Key.Recipient == "lead.workplace@example.org" && m.Key.ReportKind == "overload-alert" && m.Key.Scope == "team-managers:Workplace");
        Assert.Contains(mails, m => m.Key.Recipient == "cio@example.org" && m.Key.ReportKind == "overload-alert");
    }

    private static async Task<bool> WorkplaceFlaggedAsync(ReportingHarness harness, IsoWeek week)
    {
        Assert.True(week <= harness.Data.Scenario.LastWeek, "Workplace is flagged before the data ends");
        var history = await harness.Service<Analytics.Workload.WorkloadCalculator>().ComputeAsync(week.AddWeeks(-16), week, CancellationToken.None);
        return harness.Service<Analytics.Workload.OverloadDetector>().Detect(history, week).Teams.Any(f => f.Team == "Workplace");
    }

    public void Dispose() => _folder.Dispose();
}
