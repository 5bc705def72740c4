using Analytics.Import.Api.Jira;
using Analytics.Import.Sources;

namespace Analytics.Tests.Import.Api.Jira;

public sealed class JiraTimeTests
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    [Theory]
    [InlineData("2026-01-15T09:05:12.345+0100", "2026-01-15T08:05:12Z")]
    [InlineData("2026-07-15T09:05:12.999+02:00", "2026-07-15T07:05:12Z")]
    [InlineData("2026-07-15T09:05:12-0430", "2026-07-15T13:35:12Z")]
    [InlineData("2026-07-15T09:05:12.000Z", "2026-07-15T09:05:12Z")]
    public void JirasInstants_WithOrWithoutAColonInTheOffset_AreReadToTheSecond(string text, string utc)
    {
        Assert.True(JiraTime.TryInstant(text, out var read));
        Assert.Equal(DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture), read);
    }

    [Theory]
    [InlineData("15/Jan/26 9:05 AM")]
    [InlineData("2026-01-15")]
    [InlineData("9999-12-31T00:00:00.000+0000")]
    public void OtherText_IsNotAnInstant(string text) => Assert.False(JiraTime.TryInstant(text, out _));

    [Fact]
    public void TheJqlWindow_InTheAutumnOverlap_StartsAnHourEarlier_SoJiraCannotReadItAsTheLaterInstant()
    {
        // 00:30 UTC on 25 Oct 2026 is 02:30 CEST; 02:30 happens again at 01:30 UTC (CET), which would skip an hour.
        var since = new DateTimeOffset(2026, 10, 25, 0, 30, 40, TimeSpan.Zero);

        Assert.Equal("2026/10/25 01:30", JiraTime.JqlMinute(since, Amsterdam));
        Assert.Equal("2026/10/25 11:30", JiraTime.JqlMinute(since.AddHours(10), Amsterdam));
    }

    [Fact]
    public void AFilterWithItsOwnOrder_IsRefusedWithOneLineNamingTheSetting()
    {
        var ex = Assert.Throws<SourceQueryException>(() => JiraJql.ChangedSince("jira", DateTimeOffset.UnixEpoch, Amsterdam, "project = HELP ORDER BY created"));

        Assert.Contains("Api:Filter", ex.Message, StringComparison.Ordinal);
    }
}
