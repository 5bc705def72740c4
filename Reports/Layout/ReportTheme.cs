using SkiaSharp;

namespace Reports.Layout;

/// <summary>Colours and type sizes of the page layout: calm, high contrast for text, colour only where it means something.</summary>
internal static class ReportTheme
{
    public static readonly SKColor Ink = new(0x1F, 0x29, 0x33);
    public static readonly SKColor Muted = new(0x5F, 0x6B, 0x7A);
    public static readonly SKColor Accent = new(0x1F, 0x3A, 0x5F);
    public static readonly SKColor Rule = new(0xD5, 0xDB, 0xE3);
    public static readonly SKColor TileBackground = new(0xF3, 0xF5, 0xF8);
    public static readonly SKColor TableHeaderBackground = new(0xE6, 0xEB, 0xF1);
    public static readonly SKColor TableStripe = new(0xF8, 0xF9, 0xFB);
    public static readonly SKColor Good = new(0x2E, 0x7D, 0x5B);
    public static readonly SKColor Bad = new(0xB2, 0x3A, 0x3A);

    public static readonly TextStyle Heading1 = new(16f, true, Accent);
    public static readonly TextStyle Heading2 = new(12.5f, true, Ink);
    public static readonly TextStyle Body = new(10f, false, Ink);
    public static readonly TextStyle BodyMuted = new(8.5f, false, Muted);
    public static readonly TextStyle TableHeader = new(8.5f, true, Ink);
    public static readonly TextStyle TableCell = new(8.5f, false, Ink);
    public static readonly TextStyle KpiValue = new(19f, true, Accent);
    public static readonly TextStyle KpiLabel = new(8.5f, false, Muted);
    public static readonly TextStyle KpiChange = new(8f, false, Muted);
    public static readonly TextStyle CalloutTitle = new(9.5f, true, Ink);
    public static readonly TextStyle CalloutText = new(9.5f, false, Ink);
    public static readonly TextStyle HeaderTitle = new(9f, true, Accent);
    public static readonly TextStyle HeaderScope = new(8.5f, false, Muted);
    public static readonly TextStyle Footer = new(7.5f, false, Muted);
    public static readonly TextStyle Caption = new(8f, false, Muted);

    public static SKColor SeverityColor(CalloutSeverity severity) => severity switch
    {
        CalloutSeverity.Positive => Good,
        CalloutSeverity.Warning => new SKColor(0xD9, 0x8E, 0x04),
        CalloutSeverity.Critical => Bad,
        _ => new SKColor(0x3C, 0x6E, 0xA8),
    };

    public static SKColor SeverityBackground(CalloutSeverity severity) => severity switch
    {
        CalloutSeverity.Positive => new SKColor(0xEE, 0xF6, 0xF1),
        CalloutSeverity.Warning => new SKColor(0xFD, 0xF6, 0xE7),
        CalloutSeverity.Critical => new SKColor(0xFB, 0xEE, 0xEE),
        _ => new SKColor(0xEE, 0xF3, 0xF9),
    };
}
