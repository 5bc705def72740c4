using Analytics.Calendar;
using Analytics.Workload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Worker.Cli;

/// <summary>The <c>--week</c> option shared by the reporting commands: an ISO week, default last week.</summary>
internal static class CliWeek
{
    public static System.CommandLine.Option<string?> Option() =>
        new("--week") { Description = "ISO week such as 2026-W47 (default: last week)." };

    /// <summary>The week asked for, or the last completed one in the department's time zone; null with a message when the text is no week.</summary>
    public static IsoWeek? Resolve(string? text, IServiceProvider services)
    {
        if (text is not null)
        {
            if (IsoWeek.TryParse(text, out var week))
            {
                return week;
            }

            Console.Error.WriteLine($"--week: '{text}' is not an ISO week; expected a form such as 2026-W47.");
            return null;
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(services.GetRequiredService<IOptions<WorkloadOptions>>().Value.TimeZone);
        return IsoWeek.LastCompleted(services.GetRequiredService<TimeProvider>().GetUtcNow(), zone);
    }
}
