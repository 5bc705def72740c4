using Analytics.Forecasting;

namespace Analytics.Tests.Forecasting;

public sealed class CountIntervalTests
{
    [Theory]
    [InlineData(3.8, 3.8, 3.8, 3.8, 3.8)] // the zero-width interval a shared pool once gave
    [InlineData(1.5, 1.4, 1.6, 1.3, 1.7)] // an interval with no whole number in it
    [InlineData(0, 0, 0, 0, 0)]
    [InlineData(250, 240, 260, 230, 270)] // narrower than Poisson noise
    public void Interval_IsNeverZeroWidth_HoldsAWholeNumber_AndIsAtLeastPoissonNoise(double forecast, double lo80, double hi80, double lo95, double hi95)
    {
        var interval = CountInterval.Of(forecast, lo80, hi80, lo95, hi95);

        Assert.True(interval.Upper80 > interval.Lower80);
        Assert.Equal(Math.Floor(interval.Lower80), interval.Lower80);
        Assert.Equal(Math.Ceiling(interval.Upper95), interval.Upper95);
        Assert.True(interval.Lower95 <= interval.Lower80 && interval.Upper95 >= interval.Upper80);
        Assert.True(interval.Lower95 >= 0);
        if (forecast >= 100)
        {
            // Poisson(250): 10% and 90% quantiles are about 230 and 270.
            Assert.True(interval.Lower80 <= 230 && interval.Upper80 >= 270, $"{interval}");
        }
    }

    [Theory]
    [InlineData(4.0, 0.10, 2)]
    [InlineData(4.0, 0.90, 7)]
    [InlineData(0.5, 0.975, 2)]
    public void PoissonQuantile_MatchesTheDistribution(double mean, double p, double expected) =>
        Assert.Equal(expected, CountInterval.PoissonQuantile(mean, p));

    [Fact]
    public void Calibration_IsPerSeries_WidensWithTheHorizon_AndCoversItsOwnErrors()
    {
        // Series 0 is noisy (errors of ±20 around 100), series 1 is quiet (±1 around 100): one pool would give both the same width.
        var random = new Random(7);
        var errors = new List<IntervalCalibration.Error>();
        for (var origin = 0; origin < 12; origin++)
        {
            for (var step = 1; step <= 14; step++)
            {
                errors.Add(new IntervalCalibration.Error(0, step, 100 + (random.NextDouble() - 0.5) * 40 * Math.Sqrt(step), 100));
                errors.Add(new IntervalCalibration.Error(1, step, 100 + (random.NextDouble() - 0.5) * 2, 100));
            }
        }

        var intervals = IntervalCalibration.Calibrate(2, 14, errors);

        var noisy = intervals[0]!.At(100, 1);
        var quiet = intervals[1]!.At(100, 1);
        Assert.True(noisy.Upper80 - noisy.Lower80 > quiet.Upper80 - quiet.Lower80);
        Assert.True(intervals[0]!.At(100, 14).Upper80 - intervals[0]!.At(100, 14).Lower80 >= noisy.Upper80 - noisy.Lower80);
        var inside = errors.Where(e => e.Series == 0).Count(e => intervals[0]!.At(e.Forecast, e.Step) is var i && e.Actual >= i.Lower80 && e.Actual <= i.Upper80);
        Assert.InRange(inside / 168.0, 0.75, 0.95);
    }
}
