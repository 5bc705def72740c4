using Reports.Layout;

namespace Reports.Tests.Support;

internal static class TestFonts
{
    private static readonly Lazy<ReportFonts> Shared = new(() => ReportFonts.Load(new ReportFontOptions()));

    /// <summary>The default report font (DejaVu Sans, which ./test.sh installs).</summary>
    public static ReportFonts Default => Shared.Value;
}
