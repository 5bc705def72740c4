using System.Globalization;
using Analytics.Forecasting.Ets;
using Xunit.Abstractions;

namespace Analytics.Tests.Forecasting.Ets;

public sealed class EtsModelTests(ITestOutputHelper output)
{
    private static readonly double[] Weekday = [20.0, 10.0, 0.0, 5.0, -5.0, -15.0, -15.0];

    /// <summary>
    /// Level 100, trend 0.05 a day, the weekday pattern above and a deterministic saw-tooth in [−5, 5]
    /// (period 101): the same series as <c>weekly_series()</c> in tests/Evaluation/ets_reference.py.
    /// </summary>
    private static double[] WeeklySeries(int n = 700) =>
        [.. Enumerable.Range(0, n).Select(t => 100 + (0.05 * t) + Weekday[t % 7] + ((((t * 7919) + 13) % 101) - 50) / 10.0)];

    [Fact]
    public void Fit_WeeklySeasonalDailySeries_RecoversTheWeekdayPattern()
    {
        var y = WeeklySeries();

        var fit = EtsModel.Fit(y, 7);

        // The final seasonals are in time order from the next day on: slot i belongs to day n + i.
        for (var i = 0; i < 7; i++)
        {
            Assert.Equal(Weekday[(y.Length + i) % 7], fit.FinalState.Seasonals[i], 1.0);
        }

        // The saw-tooth has variance ≈ 8.5 (uniform on 101 steps of 0.1 in [−5, 5]); the fit explains the rest.
        Assert.InRange(fit.Sigma2, 7, 10);
        var forecast = fit.Forecast(14);
        for (var h = 1; h <= 14; h++)
        {
            var t = y.Length - 1 + h;
            Assert.Equal(100 + (0.05 * t) + Weekday[t % 7], forecast[h - 1], 3.0);
        }
    }

    [Fact]
    public void Fit_WeeklySeasonalDailySeries_MatchesStatsmodels()
    {
        // From tests/Evaluation/ets_reference.py, "weekly synthetic, n=700, m=7" (statsmodels 0.13.5,
        // ETSModel(y, error="add", trend="add", damped_trend=True, seasonal="add", seasonal_periods=7).fit()):
        //   alpha, beta, gamma, phi: 0.004339, 0.004338, 0.000100, 0.980000
        //   sse: 6111.228546
        //   forecast h=1..14: 154.826131, 144.811110, 134.898366, 139.880513, 129.870091, 119.945796, 119.930605,
        //                     154.996754, 144.978321, 135.062232, 140.041102, 130.027468, 120.100025, 120.081750
        double[] expected =
        [
            154.826131, 144.811110, 134.898366, 139.880513, 129.870091, 119.945796, 119.930605,
            154.996754, 144.978321, 135.062232, 140.041102, 130.027468, 120.100025, 120.081750,
        ];

        var fit = EtsModel.Fit(WeeklySeries(), 7);

        var p = fit.Parameters;
        output.WriteLine($"alpha {p.Alpha:F6} beta {p.Beta:F6} gamma {p.Gamma:F6} phi {p.Phi:F6} sse {fit.Sse:F6}");
        output.WriteLine($"forecast {string.Join(", ", fit.Forecast(14).Select(f => f.ToString("F6", CultureInfo.InvariantCulture)))}");
        Assert.InRange(fit.Sse, 6111.228546 * (1 - 1e-3), 6111.228546 * (1 + 1e-6));
        var forecast = fit.Forecast(14);
        for (var h = 0; h < 14; h++)
        {
            Assert.InRange(forecast[h] / expected[h], 0.99, 1.01);
        }
    }

    [Fact]
    public void Variance_GrowsWithTheHorizon_AndEqualsTheSumOfSquaredErrorWeights()
    {
        var fit = EtsModel.Fit(WeeklySeries(), 7);
        var (alpha, beta, gamma, phi) = (fit.Parameters.Alpha, fit.Parameters.Beta, fit.Parameters.Gamma, fit.Parameters.Phi);

        var previous = 0.0;
        var weights = 1.0;
        var dampedSum = 0.0;
        for (var h = 1; h <= 60; h++)
        {
            var variance = fit.Variance(h);
            Assert.True(variance > previous, $"Variance({h}) = {variance} is not above Variance({h - 1}) = {previous}.");

            // Hyndman et al. (2008) eq. 6.4 for class-1 models: v(h) = σ²(1 + Σ_{j<h} c_j²),
            // c_j = α + β(φ + … + φ^j) + γ[j mod m = 0].
            Assert.Equal(fit.Sigma2 * weights, variance, 1e-9 * variance);
            dampedSum += Math.Pow(phi, h);
            var c = alpha + (beta * dampedSum) + (h % 7 == 0 ? gamma : 0);
            weights += c * c;
            previous = variance;
        }

        Assert.Equal(fit.Sigma2, fit.Variance(1), 1e-12);
    }

    [Fact]
    public void Variance_Austourists_FirstStepIsSigma2AndWidensEachSeason()
    {
        var fit = EtsModel.Fit(EtsStatsmodelsReferenceTests.Austourists, 4);

        Assert.Equal(fit.Sigma2, fit.Variance(1), 1e-12);
        Assert.True(fit.Variance(5) - fit.Variance(4) > fit.Variance(4) - fit.Variance(3), "The seasonal jump after a full season is missing.");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(42.0)]
    public void Fit_ConstantSeries_ForecastsTheConstantWithoutNaN(double value)
    {
        var y = Enumerable.Repeat(value, 100).ToArray();

        var fit = EtsModel.Fit(y, 7);

        Assert.All(fit.Forecast(14), f => Assert.Equal(value, f, 1e-6));
        Assert.All(Enumerable.Range(1, 14), h => Assert.True(double.IsFinite(fit.Variance(h)) && fit.Variance(h) >= 0));
        Assert.All(fit.FittedValues, f => Assert.Equal(value, f, 1e-6));
        Assert.False(double.IsNaN(fit.Parameters.Alpha + fit.Parameters.Beta + fit.Parameters.Gamma + fit.Parameters.Phi));
        Assert.False(double.IsNaN(fit.LogLikelihood));
    }

    [Fact]
    public void Fit_MostlyZeros_DoesNotProduceNaN()
    {
        // A quiet queue: a ticket on some Mondays only.
        var y = Enumerable.Range(0, 120).Select(t => t % 7 == 0 && t % 3 == 0 ? 1.0 : 0.0).ToArray();

        var fit = EtsModel.Fit(y, 7);

        Assert.All(fit.Forecast(14), f => Assert.True(double.IsFinite(f)));
        Assert.All(Enumerable.Range(1, 14), h => Assert.True(double.IsFinite(fit.Variance(h))));
    }

    [Fact]
    public void Fit_FewerThanMinimumLength_ThrowsArgumentException()
    {
        Assert.Equal(14, EtsModel.MinimumLength(7));
        Assert.Equal(10, EtsModel.MinimumLength(4));

        var error = Assert.Throws<ArgumentException>(() => EtsModel.Fit(WeeklySeries(13), 7));

        Assert.Contains("at least 14 observations", error.Message, StringComparison.Ordinal);
        EtsModel.Fit(WeeklySeries(14), 7);
    }

    [Fact]
    public void Fit_NaNInSeries_ThrowsArgumentException()
    {
        var y = WeeklySeries(50);
        y[10] = double.NaN;

        Assert.Throws<ArgumentException>(() => EtsModel.Fit(y, 7));
    }
}
