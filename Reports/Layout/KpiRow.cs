namespace Reports.Layout;

/// <summary>A row of key-figure tiles; more than four tiles continue on a second row.</summary>
public sealed record KpiRow(IReadOnlyList<KpiTile> Tiles) : Block;

/// <summary>One key figure: the value as it should read ("1,284", "92 %"), what it is, and its change.</summary>
public sealed record KpiTile(string Value, string Label, KpiChange? Change = null);

/// <summary>
/// Change against the previous period, e.g. <c>new KpiChange("+12 % vs last week", Trend.Up, Sentiment.Bad)</c>.
/// The direction draws the arrow; the sentiment colours it (more incoming work is up but not good).
/// </summary>
public sealed record KpiChange(string Text, Trend Direction, Sentiment Sentiment = Sentiment.Neutral);

public enum Trend
{
    Flat,
    Up,
    Down,
}

public enum Sentiment
{
    Neutral,
    Good,
    Bad,
}
