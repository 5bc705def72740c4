using SkiaSharp;

namespace Reports.Layout;

/// <summary>Up to four KPI tiles side by side.</summary>
internal sealed class KpiRowFragment : Fragment
{
    public const int MaxTilesPerRow = 4;
    private const float Gap = 10f;
    private const float Padding = 10f;
    private const int MaxLabelLines = 2;

    private readonly IReadOnlyList<TileLines> tiles;

    private KpiRowFragment(IReadOnlyList<TileLines> tiles, float height)
        : base(height)
    {
        this.tiles = tiles;
    }

    public static KpiRowFragment Create(TextPainter painter, IReadOnlyList<KpiTile> row, float width, int columns)
    {
        float tileWidth = TileWidth(width, columns);
        float inner = tileWidth - (2 * Padding);
        var laidOut = row.Select(tile =>
        {
            string value = LineBreaker.Ellipsize(painter, ReportText.CleanSingleLine(tile.Value), ReportTheme.KpiValue, inner);
            var label = LineBreaker.Wrap(painter, ReportText.CleanSingleLine(tile.Label), ReportTheme.KpiLabel, inner);
            if (label.Count > MaxLabelLines)
            {
                label = [.. label.Take(MaxLabelLines - 1), LineBreaker.Ellipsize(painter, label[MaxLabelLines - 1], ReportTheme.KpiLabel, inner, force: true)];
            }

            string? change = tile.Change is null
                ? null
                : LineBreaker.Ellipsize(painter, ReportText.CleanSingleLine(tile.Change.Text), ReportTheme.KpiChange, inner - ArrowSpace);
            return new TileLines(value, label, change, tile.Change);
        }).ToList();

        float height = (2 * Padding) + ReportTheme.KpiValue.LineHeight
            + (MaxLabelLines * ReportTheme.KpiLabel.LineHeight)
            + (laidOut.Any(t => t.Change is not null) ? ReportTheme.KpiChange.LineHeight + 2f : 0f);
        return new KpiRowFragment(laidOut, height) { Columns = columns };
    }

    private const float ArrowSpace = 11f;

    private int Columns { get; init; }

    public override void Draw(DrawContext context, SKRect box)
    {
        var canvas = context.Canvas;
        float tileWidth = TileWidth(box.Width, Columns);
        using var background = new SKPaint { Color = ReportTheme.TileBackground, IsAntialias = true };
        using var accent = new SKPaint { Color = ReportTheme.Accent, IsAntialias = true };
        for (int i = 0; i < tiles.Count; i++)
        {
            var tile = tiles[i];
            float left = box.Left + (i * (tileWidth + Gap));
            var rect = new SKRect(left, box.Top, left + tileWidth, box.Bottom);
            canvas.Save();
            canvas.ClipRect(rect);
            canvas.DrawRoundRect(rect, 4f, 4f, background);
            canvas.DrawRect(new SKRect(rect.Left, rect.Top, rect.Left + 3f, rect.Bottom), accent);

            float y = rect.Top + Padding;
            float x = rect.Left + Padding;
            context.Painter.Draw(canvas, tile.Value, x, y + context.Painter.BaselineOffset(ReportTheme.KpiValue), ReportTheme.KpiValue);
            y += ReportTheme.KpiValue.LineHeight;
            foreach (var line in tile.Label)
            {
                context.Painter.Draw(canvas, line, x, y + context.Painter.BaselineOffset(ReportTheme.KpiLabel), ReportTheme.KpiLabel);
                y += ReportTheme.KpiLabel.LineHeight;
            }

            if (tile.ChangeText is not null && tile.Change is not null)
            {
                float changeTop = rect.Top + Padding + ReportTheme.KpiValue.LineHeight + (MaxLabelLines * ReportTheme.KpiLabel.LineHeight) + 2f;
                var style = ReportTheme.KpiChange with { Color = ChangeColor(tile.Change.Sentiment) };
                DrawArrow(canvas, tile.Change.Direction, x, changeTop, style);
                context.Painter.Draw(canvas, tile.ChangeText, x + ArrowSpace, changeTop + context.Painter.BaselineOffset(style), style);
            }

            canvas.Restore();
        }
    }

    private static float TileWidth(float width, int columns) => (width - (Gap * (columns - 1))) / columns;

    private static SKColor ChangeColor(Sentiment sentiment) => sentiment switch
    {
        Sentiment.Good => ReportTheme.Good,
        Sentiment.Bad => ReportTheme.Bad,
        _ => ReportTheme.Muted,
    };

    // The arrow is a path, not a glyph, so it shows whatever font is installed.
    private static void DrawArrow(SKCanvas canvas, Trend direction, float x, float top, TextStyle style)
    {
        float size = 6.5f;
        float centreY = top + (style.LineHeight / 2f);
        using var paint = new SKPaint { Color = style.Color, IsAntialias = true };
        using var builder = new SKPathBuilder();
        switch (direction)
        {
            case Trend.Up:
                builder.MoveTo(x, centreY + (size / 2f));
                builder.LineTo(x + size, centreY + (size / 2f));
                builder.LineTo(x + (size / 2f), centreY - (size / 2f));
                break;
            case Trend.Down:
                builder.MoveTo(x, centreY - (size / 2f));
                builder.LineTo(x + size, centreY - (size / 2f));
                builder.LineTo(x + (size / 2f), centreY + (size / 2f));
                break;
            default:
                builder.MoveTo(x, centreY - 0.9f);
                builder.LineTo(x + size, centreY - 0.9f);
                builder.LineTo(x + size, centreY + 0.9f);
                builder.LineTo(x, centreY + 0.9f);
                break;
        }

        builder.Close();
        using var path = builder.Detach();
        canvas.DrawPath(path, paint);
    }

    private sealed record TileLines(string Value, IReadOnlyList<string> Label, string? ChangeText, KpiChange? Change);
}
