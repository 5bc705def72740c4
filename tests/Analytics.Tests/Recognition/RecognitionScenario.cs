using Analytics.Calendar;
using Analytics.Recognition;
using Analytics.Tests.Support;
using Analytics.Workload;
using Microsoft.Extensions.Options;

namespace Analytics.Tests.Recognition;

/// <summary>The ledger and recognition calculators wired to a <see cref="WorkloadScenario"/>'s store.</summary>
internal static class RecognitionScenario
{
    public static async Task<WorkLedger> LedgerAsync(WorkloadScenario s, string first, string last)
    {
        await s.SaveAsync();
        var store = s.Store;
        var calculator = new WorkLedgerCalculator(store.Connections, store.Reference, new WorkClassifier(Options.Create(new InvisibleWorkOptions())),
            new DutchHolidayCalendar(), Options.Create(new InvisibleWorkOptions()), Options.Create(new WorkloadOptions()));
        return await calculator.ComputeAsync(IsoWeek.Parse(first), IsoWeek.Parse(last), CancellationToken.None);
    }

    public static async Task<RecognitionResult> RecognitionAsync(WorkloadScenario s, string first, string last)
    {
        await s.SaveAsync();
        var store = s.Store;
        var calculator = new RecognitionCalculator(store.Connections, store.Reference, store.Activity, new WorkClassifier(Options.Create(new InvisibleWorkOptions())),
            new DutchHolidayCalendar(), Options.Create(new InvisibleWorkOptions()), Options.Create(new WorkloadOptions()));
        return await calculator.ComputeAsync(IsoWeek.Parse(first), IsoWeek.Parse(last), CancellationToken.None);
    }
}
