using Analytics.Calendar;
using Analytics.Privacy;
using Analytics.Recognition;
using Analytics.Storage;
using Analytics.Tickets;
using Analytics.Workload;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Support;

/// <summary>
/// The demo department's last quarter as the reports read it (workload with its baseline weeks, overload,
/// invisible-work ledger, recognition, the roster), computed once for every privacy test that needs it.
/// </summary>
public sealed record DemoQuarter(WorkloadHistory History, OverloadReport Overload, WorkLedger Ledger, RecognitionResult Recognition, IReadOnlyList<Agent> Agents, IsoWeek Week)
{
    private static readonly Lazy<Task<DemoQuarter>> Shared = new(BuildAsync);

    public static Task<DemoQuarter> LoadAsync() => Shared.Value;

    public IReadOnlyList<string> Teams { get; } = [.. History.TeamNames.Order(StringComparer.Ordinal)];

    /// <summary>The people each team's figures describe in the last week, as the privacy minimum counts them.</summary>
    public IReadOnlyDictionary<string, int> Sizes => Teams.ToDictionary(t => t, t => History.Team(t, Week)!.GroupSize, StringComparer.Ordinal);

    public PrivacyPolicy Policy(int minimum) => new(Options.Create(new PrivacyOptions { MinimumGroupSize = minimum }), Agents);

    private static async Task<DemoQuarter> BuildAsync()
    {
        var store = await DemoData.StoreAsync();
        var c = store.Connections;
        var reference = new ReferenceStore(c);
        var week = store.Data.Scenario.LastWeek;
        var quarter = week.AddWeeks(-12);
        var holidays = new DutchHolidayCalendar();
        var workload = Options.Create(new WorkloadOptions());
        var invisible = Options.Create(new InvisibleWorkOptions());
        var classifier = new WorkClassifier(invisible);
        var history = await new WorkloadCalculator(c, new Analytics.Roster.RosterReader(c, reference), holidays, workload).ComputeAsync(quarter.AddWeeks(-12), week, CancellationToken.None);
        var overload = new OverloadDetector(Options.Create(new OverloadOptions()), workload).Detect(history, week);
        var ledger = await new WorkLedgerCalculator(c, reference, classifier, holidays, invisible, workload).ComputeAsync(quarter, week, CancellationToken.None);
        var recognition = await new RecognitionCalculator(c, reference, new ActivityStore(c), classifier, holidays, invisible, workload).ComputeAsync(quarter, week, CancellationToken.None);
        var agents = await reference.GetAgentsAsync(CancellationToken.None);
        return new DemoQuarter(history, overload, ledger, recognition, agents, week);
    }
}
