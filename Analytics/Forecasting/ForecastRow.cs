namespace Analytics.Forecasting;

/// <summary>
/// One training or scoring example as ML.NET reads it. ML.NET needs a mutable class with settable
/// properties; it stays inside this folder and is mapped to records at the boundary.
/// </summary>
internal sealed class ForecastRow
{
    /// <summary>Count divided by the series' scale at the origin.</summary>
    public float Label { get; set; }

    /// <summary>The scale: with a ratio label, weighting by it makes the Tweedie loss that of the counts themselves.</summary>
    public float Weight { get; set; }

    public float[] Numeric { get; set; } = [];

    public string SeriesId { get; set; } = string.Empty;
}

/// <summary>The model's output column.</summary>
internal sealed class ForecastScore
{
    public float Score { get; set; }
}
