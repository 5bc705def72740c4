using System.ComponentModel.DataAnnotations;

namespace Analytics.Forecasting;

/// <summary>How ticket volume is forecast and how forecasts are tested. Section "Forecast".</summary>
public sealed class ForecastOptions : IValidatableObject
{
    public const string Section = "Forecast";

    /// <summary>
    /// Below team level, which breakdown gets its own series: <see cref="ForecastGrain.Category"/> (default,
    /// the grain staffing needs for per-category handling times), <see cref="ForecastGrain.Kind"/>, or
    /// <see cref="ForecastGrain.Team"/> for team totals only. Team and department series are always forecast.
    /// </summary>
    public ForecastGrain Grain { get; set; } = ForecastGrain.Category;

    /// <summary>Days ahead of the daily forecast. Default 14.</summary>
    [Range(1, 60, ErrorMessage = "Forecast:DailyHorizon must be between 1 and 60 days.")]
    public int DailyHorizon { get; set; } = 14;

    /// <summary>Weeks ahead of the weekly forecast. Default 12.</summary>
    [Range(1, 26, ErrorMessage = "Forecast:WeeklyHorizon must be between 1 and 26 weeks.")]
    public int WeeklyHorizon { get; set; } = 12;

    /// <summary>
    /// Rolling backtest origins, one week apart, the last one a full horizon before the end of the data.
    /// Default 12.
    /// </summary>
    [Range(2, 52, ErrorMessage = "Forecast:BacktestOrigins must be between 2 and 52.")]
    public int BacktestOrigins { get; set; } = 12;

    /// <summary>
    /// Models trained for the backtest: 1 trains once, on the data before the first origin; more split the
    /// origins into that many groups with a model each, closer to the nightly retraining but slower.
    /// Default 3 (a model every four origins): with one, a short history left the model nothing to learn
    /// from before the first origin, and its backtest was no evidence. Exponential smoothing is refitted at
    /// every origin whatever this says.
    /// </summary>
    [Range(1, 52, ErrorMessage = "Forecast:BacktestRefits must be between 1 and 52.")]
    public int BacktestRefits { get; set; } = 3;

    /// <summary>
    /// A series with less history than this at the forecast origin is forecast by its baseline, and the
    /// forecast says so. Default 8 weeks.
    /// </summary>
    [Range(2, 104, ErrorMessage = "Forecast:MinimumHistoryWeeks must be between 2 and 104.")]
    public int MinimumHistoryWeeks { get; set; } = 8;

    /// <summary>History read for training, counted back from the last complete day. Default 156 weeks (three years).</summary>
    [Range(8, 520, ErrorMessage = "Forecast:HistoryWeeks must be between 8 and 520.")]
    public int HistoryWeeks { get; set; } = 156;

    /// <summary>
    /// Daily training rows per series and target day: that many horizon steps are drawn for each day
    /// rather than all of them, which keeps training time linear in days x series. Default 4.
    /// </summary>
    [Range(1, 60, ErrorMessage = "Forecast:TrainingHorizonsPerDay must be between 1 and 60.")]
    public int TrainingHorizonsPerDay { get; set; } = 4;

    /// <summary>Boosted trees in the model. Default 200.</summary>
    [Range(10, 5_000, ErrorMessage = "Forecast:Trees must be between 10 and 5000.")]
    public int Trees { get; set; } = 200;

    /// <summary>Leaves per tree. Default 24.</summary>
    [Range(2, 1_024, ErrorMessage = "Forecast:Leaves must be between 2 and 1024.")]
    public int Leaves { get; set; } = 24;

    /// <summary>Learning rate of the boosting. Default 0.08.</summary>
    [Range(0.001, 1.0, ErrorMessage = "Forecast:LearningRate must be between 0.001 and 1.")]
    public double LearningRate { get; set; } = 0.08;

    /// <summary>
    /// Tweedie power of the objective: 1 is Poisson (counts), towards 2 is gamma. Default 1.2, counts with
    /// a little over-dispersion.
    /// </summary>
    [Range(1.0, 2.0, ErrorMessage = "Forecast:TweediePower must be between 1 and 2.")]
    public double TweediePower { get; set; } = 1.2;

    /// <summary>Threads for training; 0 lets ML.NET choose. Default 0.</summary>
    [Range(0, 256, ErrorMessage = "Forecast:Threads must be between 0 and 256.")]
    public int Threads { get; set; }

    /// <summary>
    /// First ISO week of the summer holiday period, when volume dips. Default 28 (the Dutch regions' school
    /// holidays all overlap in weeks 28 to 34).
    /// </summary>
    [Range(1, 53, ErrorMessage = "Forecast:SummerFirstWeek must be an ISO week number (1 to 53).")]
    public int SummerFirstWeek { get; set; } = 28;

    /// <summary>Last ISO week of the summer holiday period. Default 34.</summary>
    [Range(1, 53, ErrorMessage = "Forecast:SummerLastWeek must be an ISO week number (1 to 53).")]
    public int SummerLastWeek { get; set; } = 34;

    /// <summary>Seed of training, so the same data gives the same model. Default 2026.</summary>
    public int Seed { get; set; } = 2026;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (SummerFirstWeek > SummerLastWeek)
        {
            yield return new ValidationResult(
                $"Forecast:SummerFirstWeek ({SummerFirstWeek}) must not come after Forecast:SummerLastWeek ({SummerLastWeek}).",
                [nameof(SummerFirstWeek), nameof(SummerLastWeek)]);
        }
    }
}

/// <summary>The breakdown below team level that gets its own forecast series.</summary>
public enum ForecastGrain
{
    /// <summary>Team and department totals only.</summary>
    Team,

    /// <summary>Per team and ticket kind (incident, request, change, ...).</summary>
    Kind,

    /// <summary>Per team and category as the source names it.</summary>
    Category,
}
