namespace Worker.Checks;

/// <summary>What <c>check</c> counts as healthy. Section "Check".</summary>
public sealed class CheckOptions
{
    public const string Section = "Check";

    /// <summary>
    /// A source whose newest ticket change is older than this fails the freshness check ("no data for N days"):
    /// the sync stopped, or the source stopped changing. Default 3 days (a long weekend passes).
    /// </summary>
    public TimeSpan StaleAfter { get; set; } = TimeSpan.FromDays(3);
}
