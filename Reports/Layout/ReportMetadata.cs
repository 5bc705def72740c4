namespace Reports.Layout;

/// <summary>What the PDF says about itself (document properties). The creation date comes from the renderer's TimeProvider.</summary>
public sealed record ReportMetadata(string Title, string Subject = "", string Author = "")
{
    public string Creator { get; init; } = "IT workload monitor";
}

/// <summary>
/// The running header (report title, team or scope, period) and the footer's "data as of" time.
/// Footer times are shown in <see cref="TimeZone"/> (UTC when null).
/// </summary>
public sealed record PageHeaderInfo(string ReportTitle, string Scope, string Period, DateTimeOffset DataAsOf)
{
    public TimeZoneInfo? TimeZone { get; init; }

    /// <summary>The language of the footer ("Page 1 of 3", "Data as of"). Default English.</summary>
    public Text.Wording Words { get; init; } = Text.Wording.English;
}
