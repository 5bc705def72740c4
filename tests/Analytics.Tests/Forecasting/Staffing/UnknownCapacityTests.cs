using Analytics.Calendar;
using Analytics.Forecasting;
using Analytics.Forecasting.Staffing;
using Analytics.Roster;
using Analytics.Storage;
using Analytics.Tests.Support;
using Analytics.Tickets;
using Analytics.Workload;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Forecasting.Staffing;

/// <summary>
/// Staffing on a store with tickets but no roster (a real export, nothing else loaded): the capacity is
/// unknown, not 0 h, so no week is "short" and the capacity rule does not fire; loading contract hours makes it known.
/// </summary>
public sealed class UnknownCapacityTests : IDisposable
{
    private readonly SqliteTestStore _store = new();

    [Fact]
    public async Task NoRoster_CapacityIsUnknown_NoGapNoScenariosAndNoCapacityFlag()
    {
        await HistoryAsync();
        var planner = await TrainedPlannerAsync();

        var outlook = (await planner.PlanAsync(null, 4, CancellationToken.None))!;

        var weeks = outlook.ForTeam("Group 70");
        Assert.NotEmpty(weeks);
        Assert.All(weeks, w => Assert.True(w.NeededHours > 0 && w.AvailableHours is null && w.AvailableFte is null && w.GapFte is null, $"{w.Week}: needed {w.NeededHours}, available {w.AvailableHours}"));
        Assert.Empty(StaffingScenarios.For(weeks, 20, 10, 0.1, 40, 0.3));
        var capacity = await new CapacityOutlookProvider(planner).GetAsync(weeks[0].Week, 4, CancellationToken.None);
        Assert.All(capacity, c => Assert.Null(c.AvailableHours));
        var history = new WorkloadHistory(weeks[0].Week.AddWeeks(-1), weeks[0].Week.AddWeeks(-1), "Department", [new WeeklyTeamMetrics { Team = "Group 70", Week = weeks[0].Week.AddWeeks(-1) }], []);
        var flags = new OverloadDetector(Options.Create(new OverloadOptions()), Options.Create(new WorkloadOptions())).Detect(history, weeks[0].Week.AddWeeks(-1), capacity);
        Assert.DoesNotContain(flags.Teams.SelectMany(f => f.Reasons), r => r.Rule == "forecast-capacity");
    }

    [Fact]
    public async Task LoadedContractHours_MakeTheCapacityKnown()
    {
        await HistoryAsync();
        await _store.Reference.UpsertAgentsAsync([new Agent { Name = "Ann", Team = "Group 70", ContractHours = 40 }, new Agent { Name = "Bas", Team = "Group 70", ContractHours = 20 }], CancellationToken.None);
        var planner = await TrainedPlannerAsync();

        var week = (await planner.PlanAsync(null, 4, CancellationToken.None))!.ForTeam("Group 70").First(w => !new DutchHolidayCalendar().IsHoliday(w.Week.Monday));

        Assert.Equal(60 * (1 - 0.30), week.AvailableHours!.Value, 6);
        Assert.Equal(1.5, week.AvailableFte!.Value, 6);
    }

    /// <summary>Twenty weeks of a team's tickets, worked by two assignees, up to the store's clock.</summary>
    private async Task HistoryAsync()
    {
        var tickets = new List<Ticket>();
        var end = _store.Time.GetUtcNow();
        for (var day = 140; day >= 1; day--)
        {
            var opened = end.AddDays(-day).Date.AddHours(9);
            if (opened.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                continue;
            }

            for (var i = 0; i < 6; i++)
            {
                var at = new DateTimeOffset(opened.AddMinutes(i * 50), TimeSpan.Zero);
                tickets.Add(new Ticket
                {
                    Source = "export",
                    TicketId = $"T{day:000}-{i}",
                    Kind = TicketKind.Incident,
                    Team = "Group 70",
                    Assignee = i % 2 == 0 ? "Ann" : "Bas",
                    ResolvedBy = i % 2 == 0 ? "Ann" : "Bas",
                    OpenedAt = at,
                    ResolvedAt = at.AddHours(3),
                    UpdatedAt = at.AddHours(3),
                });
            }
        }

        await _store.Tickets.UpsertAsync(tickets, CancellationToken.None);
    }

    private async Task<StaffingPlanner> TrainedPlannerAsync()
    {
        var reference = new ReferenceStore(_store.Connections);
        var reader = new IncomingSeriesReader(_store.Connections, reference);
        var models = new ForecastModelStore(_store.Connections);
        var calendar = new ForecastCalendar(_store.Time, reference, _store.Connections);
        var forecast = Options.Create(new ForecastOptions());
        var holidays = new DutchHolidayCalendar();
        await new ForecastTrainer(reader, models, calendar, forecast, holidays, _store.Time, NullLogger<ForecastTrainer>.Instance).RetrainAsync(CancellationToken.None);
        var service = new ForecastService(reader, models, calendar, forecast, holidays, _store.Time);
        return new StaffingPlanner(service, new WorkloadProfileReader(_store.Connections, reference), new RosterReader(_store.Connections, reference), Options.Create(new StaffingOptions()), holidays, _store.Time);
    }

    public void Dispose() => _store.Dispose();
}
