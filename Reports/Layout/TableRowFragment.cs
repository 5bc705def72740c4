using SkiaSharp;

namespace Reports.Layout;

/// <summary>One table row, already wrapped per cell; data rows know their header row so a new page can repeat it.</summary>
internal sealed class TableRowFragment : Fragment
{
    private readonly TableGeometry geometry;
    private readonly IReadOnlyList<IReadOnlyList<string>> cells;
    private readonly TextStyle style;
    private readonly bool isHeader;
    private readonly bool striped;

    private TableRowFragment(TableGeometry geometry, IReadOnlyList<IReadOnlyList<string>> cells, TextStyle style, bool isHeader, bool striped, TableRowFragment? header)
        : base((Math.Max(1, cells.Max(c => c.Count)) * style.LineHeight) + (2 * TableGeometry.CellPaddingY))
    {
        this.geometry = geometry;
        this.cells = cells;
        this.style = style;
        this.isHeader = isHeader;
        this.striped = striped;
        Header = header;
    }

    /// <summary>The header row to repeat above this row when it opens a page; null for the header itself.</summary>
    public TableRowFragment? Header { get; }

    public IReadOnlyList<IReadOnlyList<string>> Cells => cells;

    public static TableRowFragment CreateHeader(TextPainter painter, TableGeometry geometry, IReadOnlyList<TableColumn> columns, int maxLines) =>
        new(geometry, Wrap(painter, geometry, columns.Select(c => c.Header).ToList(), ReportTheme.TableHeader, maxLines), ReportTheme.TableHeader, isHeader: true, striped: false, header: null)
        {
            KeepWithNext = true,
        };

    public static TableRowFragment CreateRow(TextPainter painter, TableGeometry geometry, IReadOnlyList<string> row, int index, int maxLines, TableRowFragment header) =>
        new(geometry, Wrap(painter, geometry, row, ReportTheme.TableCell, maxLines), ReportTheme.TableCell, isHeader: false, striped: index % 2 == 1, header);

    public override void Draw(DrawContext context, SKRect box)
    {
        var canvas = context.Canvas;
        if (isHeader || striped)
        {
            using var fill = new SKPaint { Color = isHeader ? ReportTheme.TableHeaderBackground : ReportTheme.TableStripe };
            canvas.DrawRect(box, fill);
        }

        using (var rule = new SKPaint { Color = ReportTheme.Rule, StrokeWidth = 0.6f, Style = SKPaintStyle.Stroke })
        {
            canvas.DrawLine(box.Left, box.Bottom - 0.3f, box.Right, box.Bottom - 0.3f, rule);
        }

        float baselineOffset = context.Painter.BaselineOffset(style);
        for (int c = 0; c < geometry.Count; c++)
        {
            var cell = new SKRect(box.Left + geometry.Lefts[c], box.Top, box.Left + geometry.Lefts[c] + geometry.Widths[c], box.Bottom);
            canvas.Save();
            canvas.ClipRect(cell);
            float top = box.Top + TableGeometry.CellPaddingY;
            foreach (var line in cells[c])
            {
                float width = context.Painter.Measure(line, style);
                float x = geometry.Alignments[c] switch
                {
                    CellAlignment.Right => cell.Right - TableGeometry.CellPaddingX - width,
                    CellAlignment.Center => cell.MidX - (width / 2f),
                    _ => cell.Left + TableGeometry.CellPaddingX,
                };
                context.Painter.Draw(canvas, line, x, top + baselineOffset, style);
                top += style.LineHeight;
            }

            canvas.Restore();
        }
    }

    private static List<IReadOnlyList<string>> Wrap(TextPainter painter, TableGeometry geometry, IReadOnlyList<string> row, TextStyle style, int maxLines)
    {
        var result = new List<IReadOnlyList<string>>(geometry.Count);
        for (int c = 0; c < geometry.Count; c++)
        {
            string text = c < row.Count ? ReportText.Clean(row[c]) : string.Empty;
            float width = geometry.TextWidth(c);
            var lines = LineBreaker.Wrap(painter, text, style, width);
            if (lines.Count > maxLines)
            {
                // Cut, and say so with an ellipsis on the last line kept.
                lines = [.. lines.Take(maxLines - 1), LineBreaker.Ellipsize(painter, lines[maxLines - 1], style, width, force: true)];
            }

            result.Add(lines);
        }

        return result;
    }
}
