using Analytics.Calendar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Worker.Tests.Hosting;

public sealed class FiguresClockTests
{
    [Fact]
    public void WithoutAsOf_TheFiguresFollowTheHostsClock()
    {
        var fake = new FakeTimeProvider(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddSingleton<TimeProvider>(fake).AddFiguresClock().BuildServiceProvider();

        Assert.Same(fake, services.GetRequiredKeyedService<TimeProvider>(FiguresClock.Key));
    }

    [Fact]
    public void UseAsOf_StopsTheFiguresClock_AndLeavesTheHostsClockRunning()
    {
        var asOf = new AsOfClock(new DateTimeOffset(2012, 7, 29, 22, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection().AddFiguresClock().UseAsOf(asOf).BuildServiceProvider();

        Assert.Equal(asOf.AsOf, FiguresClock.Now(services));
        var now = TimeProvider.System.GetUtcNow();
        Assert.InRange(services.GetRequiredService<TimeProvider>().GetUtcNow(), now.AddMinutes(-1), now.AddMinutes(1));
    }
}
