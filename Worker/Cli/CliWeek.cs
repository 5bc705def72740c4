using Analytics.Calendar;
using Analytics.Storage;
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
        return IsoWeek.LastCompleted(FiguresClock.Now(services), zone);
    }

    /// <summary>
    /// Warns (on stderr, once) when the week lies outside the data known at the command's "now": its figures
    /// would be empty or cut short, which a reader should hear before reading them as a quiet week.
    /// </summary>
    public static async Task WarnOutsideDataAsync(IsoWeek week, IServiceProvider services, CancellationToken cancellationToken)
    {
        var now = FiguresClock.Now(services);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(services.GetRequiredService<IOptions<WorkloadOptions>>().Value.TimeZone);
        var monday = week.Monday.ToDateTime(TimeOnly.MinValue);
        var sunday = week.NextMonday.ToDateTime(TimeOnly.MinValue);
        var start = new DateTimeOffset(monday, zone.GetUtcOffset(monday));
        var end = new DateTimeOffset(sunday, zone.GetUtcOffset(sunday));
        var range = await services.GetRequiredService<TicketStore>().GetOpenedRangeAsync(now, cancellationToken);
        string? warning = range switch
        {
            null => $"warning: the store holds no tickets opened before {now:yyyy-MM-dd HH:mm} UTC; every figure of {week} is empty.",
            var (first, _) when end <= first => $"warning: {week} ends before the data begins (first ticket opened {first:yyyy-MM-dd}); its figures are empty, not a quiet week.",
            var (_, last) when start > last => $"warning: {week} begins after the newest ticket ({last:yyyy-MM-dd}); its figures are empty, not a quiet week.",
            _ when end > now => $"warning: {week} is not over as of {now:yyyy-MM-dd HH:mm} UTC; its figures cover only the days up to then.",
            _ => null,
        };

        if (warning is not null)
        {
            await Console.Error.WriteLineAsync(warning);
        }
    }
}
