namespace Reports.Layout;

/// <summary>The typeface family every report and chart is drawn with.</summary>
public sealed class ReportFontOptions
{
    /// <summary>
    /// Font family name. Default "DejaVu Sans" (Debian's fonts-dejavu-core). When it is not installed
    /// the platform's sans-serif is used and a warning is logged once.
    /// </summary>
    public string Family { get; set; } = "DejaVu Sans";
}
