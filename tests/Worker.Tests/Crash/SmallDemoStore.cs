using Analytics.Demo;
using Analytics.Forecasting;
using Analytics.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Worker.Hosting;
using Worker.Jobs;
using Worker.Tests.Support;

namespace Worker.Tests.Crash;

/// <summary>
/// The demo department cut down to two of its teams (the overloaded Workplace and the Service Desk), twenty
/// weeks to 2026-W47, forecasts trained: nine reports a week (three kinds for the department and each team),
/// enough for a weekly run to take a while, few enough to run it a dozen times.
/// </summary>
internal static class SmallDemoStore
{
    public static readonly string[] Teams = ["Service Desk", "Workplace"];

    public static async Task CreateAsync(string folder)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 6, 0, 0, TimeSpan.Zero));
        using var host = TestSettings.BuildHost(TestSettings.Embedded(folder), services => services.AddSingleton<TimeProvider>(clock), withReporting: true);
        StoreMigration.Prepare(host.Services.GetRequiredService<IOptions<StoreOptions>>().Value, host.Services.GetRequiredService<IOptions<JobsOptions>>().Value);
        var full = host.Services.GetRequiredService<DemoDataGenerator>().Generate(new DemoOptions { Seed = 5, LastDay = new DateOnly(2026, 11, 22), Weeks = 20 });
        var tickets = full.Tickets.Where(t => Teams.Contains(t.Team)).ToList();
        var kept = tickets.Select(t => t.TicketId).ToHashSet(StringComparer.Ordinal);
        var agents = full.Agents.Where(a => Teams.Contains(a.Team)).ToList();
        var names = agents.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        var data = full with
        {
            Teams = [.. full.Teams.Where(t => Teams.Contains(t.Name))],
            Agents = agents,
            Tickets = tickets,
            Events = [.. full.Events.Where(e => kept.Contains(e.TicketId))],
            TimeEntries = [.. full.TimeEntries.Where(e => names.Contains(e.Agent) && (e.TicketId is null || kept.Contains(e.TicketId)))],
            Feedback = [.. full.Feedback.Where(f => kept.Contains(f.TicketId))],
            Articles = [.. full.Articles.Where(a => a.Team is null || Teams.Contains(a.Team))],
        };
        await host.Services.GetRequiredService<DemoDataLoader>().LoadAsync(data, "demo", null, CancellationToken.None);
        await host.Services.GetRequiredService<ForecastTrainer>().RetrainAsync(CancellationToken.None);
    }
}
