namespace Analytics.Forecasting;

/// <summary>
/// Which tickets a series counts: the whole department (no team), one team, or one team's kind or
/// category (<see cref="Breakdown"/>, with "" for tickets without one).
/// </summary>
public sealed record SeriesKey(string? Team, string? Breakdown = null)
{
    public static SeriesKey Department { get; } = new(null, null);

    public SeriesLevel Level => Team is null ? SeriesLevel.Department : Breakdown is null ? SeriesLevel.Team : SeriesLevel.Breakdown;

    /// <summary>Stable identity used as the model's categorical series feature and in stored metadata.</summary>
    public string Id => Level switch
    {
        SeriesLevel.Department => "department",
        SeriesLevel.Team => "team:" + Team,
        _ => "team:" + Team + "/" + Breakdown,
    };

    public override string ToString() => Level switch
    {
        SeriesLevel.Department => "Department",
        SeriesLevel.Team => Team!,
        _ => $"{Team} / {(Breakdown!.Length == 0 ? "(none)" : Breakdown)}",
    };
}

/// <summary>Where a series sits in the department's hierarchy.</summary>
public enum SeriesLevel
{
    Department,
    Team,
    Breakdown,
}

/// <summary>Days or ISO weeks.</summary>
public enum SeriesFrequency
{
    Daily,
    Weekly,
}
