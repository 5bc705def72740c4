using Analytics.Calendar;
using Analytics.Recognition;
using Analytics.Tests.Support;
using Analytics.Tickets;

namespace Analytics.Tests.Recognition;

public sealed class WorkLedgerCalculatorTests : IDisposable
{
    private readonly WorkloadScenario _s = new();

    [Fact]
    public async Task Week_SortsWorkIntoCategoriesWithHoursAndShares()
    {
        _s.Agent("Ann", "Alpha");
        _s.Ticket("Alpha", "2026-03-16 09:00", "2026-03-16 10:00", title: "Outlook start niet op", minutes: 30);
        _s.Ticket("Alpha", "2026-03-16 09:00", "2026-03-17 10:00", kind: TicketKind.Request, title: "Nieuwe laptop aanvragen");
        _s.Ticket("Alpha", "2026-03-10 09:00", "2026-03-18 22:00", kind: TicketKind.Change, title: "Change: firmware update", minutes: 150, proactive: true);
        _s.Ticket("Alpha", "2026-03-19 03:00", "2026-03-19 03:40", title: "Alert: disk space low", channel: Channel.Monitoring, proactive: true, minutes: 40);
        _s.Ticket("Alpha", "2026-03-19 09:00", "2026-03-19 11:00", kind: TicketKind.Task, title: "Maandelijkse patchronde", minutes: 120);
        _s.Article("KB1", "How to: reset MFA", "Ann", "Alpha", "2026-03-18 14:00", 3);
        _s.Logged("Ann", "2026-03-20", 60);

        var ledger = (await RecognitionScenario.LedgerAsync(_s, "2026-W12", "2026-W12")).For("Alpha", IsoWeek.Parse("2026-W12"));

        // Hours: 0.5 visible + 40/60 estimated provisioning + 2.5 change + 40/60 monitoring + 2 maintenance + 1.5 estimated article + 1 without ticket = 8.8333.
        var total = 0.5 + (40 / 60.0) + 2.5 + (40 / 60.0) + 2 + 1.5 + 1;
        Assert.Equal(total, ledger.TotalHours, 6);
        Assert.Equal((1, 0.5), (ledger.Line(WorkCategory.UserIncidents).Count, ledger.Line(WorkCategory.UserIncidents).Hours));
        Assert.Equal((1, 40 / 60.0, 40 / 60.0), (ledger.Line(WorkCategory.Provisioning).Count, ledger.Line(WorkCategory.Provisioning).Hours, ledger.Line(WorkCategory.Provisioning).EstimatedHours));
        Assert.Equal(2.5, ledger.Line(WorkCategory.Changes).Hours, 6);
        Assert.Equal(1, ledger.Line(WorkCategory.Monitoring).Count);
        Assert.Equal(2, ledger.Line(WorkCategory.Maintenance).Hours, 6);
        Assert.Equal((1, 1.5), (ledger.Line(WorkCategory.KnowledgeArticles).Count, ledger.Line(WorkCategory.KnowledgeArticles).Hours));
        Assert.Equal(1, ledger.Line(WorkCategory.WithoutTicket).Hours, 6);
        Assert.Equal(2.5 / total, ledger.Line(WorkCategory.Changes).Share, 6);
        Assert.Equal((total - 0.5) / total, ledger.BehindTheScenesShare!.Value, 6);
        Assert.Equal((2, 2.5 + (40 / 60.0)), (ledger.AfterHoursCount, ledger.AfterHoursHours)); // the evening change and the night alert
    }

    [Fact]
    public async Task Department_AddsUpTheTeams_AndPeriodsAddUpTheirWeeks()
    {
        _s.Ticket("Alpha", "2026-03-16 09:00", "2026-03-16 10:00", minutes: 30);
        _s.Ticket("Beta", "2026-03-23 09:00", "2026-03-23 10:00", kind: TicketKind.Change, minutes: 90);

        var ledger = await RecognitionScenario.LedgerAsync(_s, "2026-W12", "2026-W13");

        Assert.Equal(2, ledger.For("Department", IsoWeek.Parse("2026-W12"), IsoWeek.Parse("2026-W13")).TotalHours, 6);
        Assert.Equal(0.5, ledger.For("Department", IsoWeek.Parse("2026-W12")).TotalHours, 6);
        Assert.Equal(["Alpha", "Beta"], ledger.Teams);
    }

    public void Dispose() => _s.Dispose();
}
