"""Expected numbers for tests/Analytics.Tests/Forecasting/Ets/EtsStatsmodelsReferenceTests.cs.

Fits statsmodels' ETS(A,Ad,A) to the public `austourists` series (fpp2; the same values
statsmodels uses in its own ETSModel tests and documentation), and to a made-up 700-day series
with a weekly season, and prints the parameters, the initial states, SSE, log-likelihood,
forecasts and forecast variances that the C# EtsModel must reproduce.

Run with the system interpreter, which has statsmodels installed:
    /usr/bin/python3 tests/Evaluation/ets_reference.py
"""
import numpy as np
import statsmodels
from statsmodels.tsa.exponential_smoothing.ets import ETSModel

# austourists: quarterly international visitor nights in Australia, 1999Q1-2015Q4 (fpp2).
AUSTOURISTS = [
    30.05251300, 19.14849600, 25.31769200, 27.59143700, 32.07645600, 23.48796100,
    28.47594000, 35.12375300, 36.83848500, 25.00701700, 30.72223000, 28.69375900,
    36.64098600, 23.82460900, 29.31168300, 31.77030900, 35.17787700, 19.77524400,
    29.60175000, 34.53884200, 41.27359900, 26.65586200, 28.27985900, 35.19115300,
    42.20566386, 24.64917133, 32.66733514, 37.25735401, 45.24246027, 29.35048127,
    36.34420728, 41.78208136, 49.27659843, 31.27540139, 37.85062549, 38.83704413,
    51.23690034, 31.83855162, 41.32342126, 42.79900337, 55.70835836, 33.40714492,
    42.31663797, 45.15712257, 59.57607996, 34.83733016, 44.84168072, 46.97124960,
    60.01903094, 38.37117851, 46.97586413, 50.73379646, 61.64687319, 39.29956937,
    52.67120908, 54.33231689, 66.83435838, 40.87118847, 51.82853579, 57.49190993,
    65.25146985, 43.06120822, 54.76075713, 59.83447494, 73.25702747, 47.69662373,
    61.09776802, 66.05576122,
]
M = 4
H = 8

# A made-up daily series with a weekly season (m = 7), built from integer arithmetic only so that the
# C# test builds exactly the same values: level 100, trend 0.05 a day, a weekday pattern, and a
# deterministic saw-tooth "noise" of period 101 in [-5, 5].
WEEKDAY = [20.0, 10.0, 0.0, 5.0, -5.0, -15.0, -15.0]


def weekly_series(n=700):
    return [100 + 0.05 * t + WEEKDAY[t % 7] + ((t * 7919 + 13) % 101 - 50) / 10 for t in range(n)]


def show(name, values):
    print(f"{name}: " + ", ".join(f"{v:.6f}" for v in np.atleast_1d(values)))


def main():
    print(f"statsmodels {statsmodels.__version__}")
    print("== austourists, m=4")
    report(np.asarray(AUSTOURISTS), M, H)
    print("== weekly synthetic, n=700, m=7")
    report(np.asarray(weekly_series()), 7, 14)


def report(y, m, h):
    # Default settings: initialization_method="estimated", default bounds, L-BFGS-B.
    model = ETSModel(y, error="add", trend="add", damped_trend=True,
                     seasonal="add", seasonal_periods=m)
    fit = model.fit(disp=False)
    show("alpha, beta, gamma, phi", [fit.alpha, fit.beta, fit.gamma, fit.phi])
    # statsmodels fixes s_{-m} = 0 (the first of initial_seasonal, see its GH 7893); the C#
    # model reports seasonals that sum to zero instead. The two give identical fitted values,
    # they differ by a constant moved between level and seasonals.
    # Chronological: the first value is s_{-m}, the seasonal the first observation uses.
    seasonal = np.asarray(fit.initial_seasonal)
    shift = seasonal.mean()
    show("statsmodels l0, b0", [fit.initial_level, fit.initial_trend])
    show("statsmodels s(-m..-1)", seasonal)
    show("sum-to-zero l0", [fit.initial_level + shift])
    show("sum-to-zero s(-m..-1)", seasonal - shift)
    show("sse", [fit.sse])
    show("mse (sigma2)", [fit.mse])
    show("llf", [fit.llf])
    show(f"forecast h=1..{h}", fit.forecast(h))
    show(f"variance h=1..{h}", fit.mse * fit._relative_forecast_variance(np.arange(1, h + 1)))
    show("final level, trend", [fit.level[-1], fit.slope[-1]])
    show("fitted first 4", fit.fittedvalues[:4])


if __name__ == "__main__":
    main()
