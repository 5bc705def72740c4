using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Analytics.Calendar;

/// <summary>
/// The clock the figures are computed on: which week is the last complete one, what data counts, where a
/// forecast starts, how old the data is. Services that compute figures ask for the <see cref="TimeProvider"/>
/// under <see cref="Key"/>; it is the host's clock unless <see cref="UseAsOf"/> stops it at an as-of instant.
/// Everything that records a moment (an import, a sync, a mail, a job run, a PDF's "Generated"), and the
/// scheduler, keep the host's clock.
/// </summary>
public static class FiguresClock
{
    public const string Key = "figures";

    public static IServiceCollection AddFiguresClock(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddKeyedSingleton<TimeProvider>(Key, (sp, _) => sp.GetRequiredService<TimeProvider>());
        return services;
    }

    /// <summary>Computes every figure as of <paramref name="clock"/>'s instant.</summary>
    public static IServiceCollection UseAsOf(this IServiceCollection services, AsOfClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);

        // Registered last, so it wins over the default that follows the host's clock.
        services.AddKeyedSingleton<TimeProvider>(Key, clock);
        return services;
    }

    /// <summary>The figures' "now" from a service provider, for code outside constructor injection.</summary>
    public static DateTimeOffset Now(IServiceProvider services) =>
        services.GetRequiredKeyedService<TimeProvider>(Key).GetUtcNow();
}
