using ScottPlot;

namespace Reports.Charts;

/// <summary>
/// Every colour the charts use, in one place. Calm, print-friendly, distinguishable for common
/// colour-vision deficiencies (blue/orange pairs carry the main contrasts), red kept for shortfalls.
/// </summary>
public static class ChartPalette
{
    public static Color Ink { get; } = Color.FromHex("#1F2933");
    public static Color MutedText { get; } = Color.FromHex("#5F6B7A");
    public static Color Grid { get; } = Color.FromHex("#E3E7ED");
    public static Color Frame { get; } = Color.FromHex("#AEB7C2");

    public static Color Incoming { get; } = Color.FromHex("#3C6EA8");
    public static Color Resolved { get; } = Color.FromHex("#8FB9DE");
    public static Color Backlog { get; } = Color.FromHex("#D9822B");

    public static Color History { get; } = Color.FromHex("#1F3A5F");
    public static Color Forecast { get; } = Color.FromHex("#3C6EA8");
    public static Color Band80 { get; } = Color.FromHex("#3C6EA8").WithAlpha(0.28);
    public static Color Band95 { get; } = Color.FromHex("#3C6EA8").WithAlpha(0.13);

    public static Color WorkInProgress { get; } = Color.FromHex("#3C6EA8");

    public static Color Available { get; } = Color.FromHex("#8FB9DE");
    public static Color Needed { get; } = Color.FromHex("#1F3A5F");
    public static Color Shortfall { get; } = Color.FromHex("#C8553D").WithAlpha(0.55);

    /// <summary>Heat map scale from no work (near white) to the busiest hour (deep blue).</summary>
    public static Color HeatLow { get; } = Color.FromHex("#F1F5FA");
    public static Color HeatHigh { get; } = Color.FromHex("#1F3A5F");

    /// <summary>Categories of stacked charts, in order; repeats after the last.</summary>
    public static IReadOnlyList<Color> Categories { get; } =
    [
        Color.FromHex("#3C6EA8"),
        Color.FromHex("#D9822B"),
        Color.FromHex("#2A9D8F"),
        Color.FromHex("#8E6BB8"),
        Color.FromHex("#E9C46A"),
        Color.FromHex("#7F8C9A"),
        Color.FromHex("#8FB9DE"),
        Color.FromHex("#C8553D"),
    ];

    public static Color Category(int index) => Categories[index % Categories.Count];
}
