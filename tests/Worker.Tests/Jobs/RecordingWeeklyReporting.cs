using System.Collections.Concurrent;
using Analytics.Calendar;
using Worker.Jobs;

namespace Worker.Tests.Jobs;

/// <summary>Stands in for the report service the lead wires later: records which week each run was asked for.</summary>
public sealed class RecordingWeeklyReporting : IWeeklyReporting
{
    public ConcurrentQueue<IsoWeek> Weeks { get; } = new();

    public Task RunAsync(IsoWeek week, CancellationToken cancellationToken)
    {
        Weeks.Enqueue(week);
        return Task.CompletedTask;
    }
}
