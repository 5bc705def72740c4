using Analytics.Forecasting.Staffing;

namespace Analytics.Tests.Forecasting.Staffing;

public sealed class ErlangCTests
{
    /// <summary>
    /// Call Centre Helper, "Erlang C Formula – Made Simple With an Easy Worked Example": 100 calls in 30
    /// minutes, average handling time 180 s, 80% to be answered within 20 s, maximum occupancy 85%. Traffic
    /// is 10 Erlangs; with 11 agents the probability of waiting is 68.21% and the service level 39.0%; the
    /// answer is 14 agents (service level 88.8%, occupancy 71.4%), 20 once 30% shrinkage is added.
    /// </summary>
    [Fact]
    public void AgentsNeeded_CallCentreHelperWorkedExample_MatchesThePublishedFigures()
    {
        Assert.Equal(0.6821, ErlangC.ProbabilityOfWaiting(10, 11), 4);
        Assert.Equal(0.390, ErlangC.ServiceLevel(10, 11, 180, 20), 3);

        var result = ErlangC.AgentsNeeded(new QueueDemand(100, 1800, 180, 0.8, 20, 0.85));

        Assert.Equal(10, result.TrafficErlangs, 10);
        Assert.Equal(14, result.Agents);
        Assert.Equal(0.888, result.ServiceLevel, 3);
        Assert.Equal(0.714, result.Occupancy, 3);
        Assert.Equal(20, (int)Math.Ceiling(result.Agents / (1 - 0.30)));
    }

    [Fact]
    public void AgentsNeeded_ThirteenAgentsFallJustShortOfTheTarget_SoFourteenAreNeeded()
    {
        Assert.True(ErlangC.ServiceLevel(10, 13, 180, 20) < 0.8);
        Assert.True(ErlangC.ServiceLevel(10, 14, 180, 20) >= 0.8);
    }

    [Fact]
    public void AgentsNeeded_ZeroArrivals_NeedsNoAgents()
    {
        var result = ErlangC.AgentsNeeded(new QueueDemand(0, 1800, 180, 0.8, 20, 0.85));

        Assert.Equal(0, result.Agents);
        Assert.Equal(1, result.ServiceLevel);
        Assert.Equal(0, ErlangC.ProbabilityOfWaiting(0, 3));
    }

    [Fact]
    public void AgentsNeeded_OccupancyAllowedUpToHundredPercent_StillStaffsAboveTheTraffic()
    {
        // At 100% occupancy (agents = traffic) the queue never empties: everyone waits, forever on average.
        Assert.Equal(1, ErlangC.ProbabilityOfWaiting(10, 10));
        Assert.Equal(0, ErlangC.ServiceLevel(10, 10, 180, 20));
        Assert.True(double.IsPositiveInfinity(ErlangC.AverageSpeedOfAnswer(10, 10, 180)));

        var result = ErlangC.AgentsNeeded(new QueueDemand(100, 1800, 180, 0.8, 20, 1.0));

        Assert.Equal(14, result.Agents);
        Assert.True(result.Occupancy < 1);
    }

    [Fact]
    public void AgentsNeeded_LowMaximumOccupancy_AddsAgentsBeyondTheServiceLevel()
    {
        var result = ErlangC.AgentsNeeded(new QueueDemand(100, 1800, 180, 0.8, 20, 0.5));

        Assert.Equal(20, result.Agents);
        Assert.True(result.Occupancy <= 0.5);
    }

    [Fact]
    public void AgentsNeeded_LargeQueue_DoesNotOverflow()
    {
        var result = ErlangC.AgentsNeeded(new QueueDemand(10_000, 1800, 300, 0.9, 15, 0.95));

        Assert.InRange(result.Agents, 1667, 1800);
        Assert.True(double.IsFinite(result.ProbabilityOfWaiting));
    }

    [Fact]
    public void AgentsNeeded_ServiceLevelOfOne_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ErlangC.AgentsNeeded(new QueueDemand(10, 1800, 180, 1.0, 20, 0.85)));
    }
}
