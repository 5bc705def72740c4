using Reports.Charts;

namespace Reports.Tests.Charts;

public sealed class WeekLabelTests
{
    [Fact]
    public void WeekLabel_FormatsIsoStyle_AndOrdersByYearThenWeek()
    {
        Assert.Equal("2026-W05", new WeekLabel(2026, 5).ToString());
        Assert.True(new WeekLabel(2026, 52) < new WeekLabel(2027, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new WeekLabel(2026, 54));
    }
}
