namespace Reports.Layout;

/// <summary>
/// Turns blocks into fragments for a body of the given size: wraps text, measures rows and tiles,
/// and marks what must stay together (a heading with what follows, a paragraph's first two lines).
/// </summary>
internal sealed class BlockFragmenter(TextPainter painter, float width, float height)
{
    private const float ParagraphGap = 8f;
    private const float BulletIndent = 16f;

    public List<Fragment> Build(IEnumerable<Block> blocks)
    {
        var fragments = new List<Fragment>();
        foreach (var block in blocks)
        {
            switch (block)
            {
                case Heading heading:
                    AddHeading(fragments, heading);
                    break;
                case Paragraph paragraph:
                    AddLines(fragments, paragraph.Text, paragraph.Muted ? ReportTheme.BodyMuted : ReportTheme.Body, 0, bullet: false, paragraph.KeepWithNext);
                    fragments.Add(new SpaceFragment(paragraph.Muted ? 6f : ParagraphGap) { KeepWithNext = paragraph.KeepWithNext });
                    break;
                case BulletList list:
                    foreach (var item in list.Items)
                    {
                        AddLines(fragments, item, ReportTheme.Body, BulletIndent, bullet: true);
                        fragments.Add(new SpaceFragment(2.5f));
                    }

                    fragments.Add(new SpaceFragment(ParagraphGap - 2.5f));
                    break;
                case KpiRow row:
                    AddKpis(fragments, row);
                    break;
                case Table table:
                    AddTable(fragments, table);
                    break;
                case ChartSlot slot:
                    AddChart(fragments, slot);
                    break;
                case Callout callout:
                    AddCallout(fragments, callout);
                    break;
                case PageBreak:
                    fragments.Add(new PageBreakFragment());
                    break;
                case Spacer spacer:
                    fragments.Add(new SpaceFragment(Math.Clamp(spacer.Height, 0, height)));
                    break;
                default:
                    throw new NotSupportedException($"The layout has no rule for a {block.GetType().Name} block.");
            }
        }

        return fragments;
    }

    private void AddHeading(List<Fragment> fragments, Heading heading)
    {
        var style = heading.Level <= 1 ? ReportTheme.Heading1 : ReportTheme.Heading2;
        fragments.Add(new SpaceFragment(heading.Level <= 1 ? 14f : 8f));
        foreach (var line in LineBreaker.Wrap(painter, ReportText.CleanSingleLine(heading.Text), style, width))
        {
            fragments.Add(new TextLineFragment(line, style, 0, bullet: false) { KeepWithNext = true });
        }

        fragments.Add(new SpaceFragment(heading.Level <= 1 ? 6f : 4f) { KeepWithNext = true });
    }

    private void AddLines(List<Fragment> fragments, string text, TextStyle style, float indent, bool bullet, bool keepAll = false)
    {
        var lines = LineBreaker.Wrap(painter, ReportText.Clean(text), style, width - indent);
        for (int i = 0; i < lines.Count; i++)
        {
            // No single first line at a page bottom, no single last line at a page top.
            bool keep = keepAll || (lines.Count > 1 && (i == 0 || i == lines.Count - 2));
            fragments.Add(new TextLineFragment(lines[i], style, indent, bullet && i == 0) { KeepWithNext = keep });
        }
    }

    private void AddKpis(List<Fragment> fragments, KpiRow row)
    {
        if (row.Tiles.Count == 0)
        {
            return;
        }

        int columns = Math.Min(KpiRowFragment.MaxTilesPerRow, row.Tiles.Count);
        for (int start = 0; start < row.Tiles.Count; start += columns)
        {
            var tiles = row.Tiles.Skip(start).Take(columns).ToList();
            fragments.Add(KpiRowFragment.Create(painter, tiles, width, columns));
            fragments.Add(new SpaceFragment(10f));
        }
    }

    private void AddTable(List<Fragment> fragments, Table table)
    {
        if (table.Columns.Count == 0)
        {
            return;
        }

        int maxLines = Math.Max(1, table.MaxLinesPerCell);
        var geometry = TableGeometry.Create(table.Columns, width, word => painter.Measure(ReportText.CleanSingleLine(word), ReportTheme.TableHeader));
        var header = TableRowFragment.CreateHeader(painter, geometry, table.Columns, maxLines);
        fragments.Add(header);
        for (int i = 0; i < table.Rows.Count; i++)
        {
            fragments.Add(TableRowFragment.CreateRow(painter, geometry, table.Rows[i] ?? [], i, maxLines, header));
        }

        fragments.Add(new SpaceFragment(ParagraphGap + 2f));
    }

    private void AddChart(List<Fragment> fragments, ChartSlot slot)
    {
        string? caption = slot.Caption is null
            ? null
            : LineBreaker.Ellipsize(painter, ReportText.CleanSingleLine(slot.Caption), ReportTheme.Caption, width);
        float captionHeight = caption is null ? 0 : ReportTheme.Caption.LineHeight + 3f;
        float chartHeight = Math.Clamp(float.IsFinite(slot.Height) ? slot.Height : 0, 10f, height - captionHeight);
        fragments.Add(new ChartFragment(slot, chartHeight, caption));
        fragments.Add(new SpaceFragment(ParagraphGap + 4f));
    }

    private void AddCallout(List<Fragment> fragments, Callout callout)
    {
        float textWidth = width - CalloutLineFragment.PaddingLeft - CalloutLineFragment.PaddingRight;
        var lines = new List<(string Text, TextStyle Style)>();
        if (!string.IsNullOrWhiteSpace(callout.Title))
        {
            lines.AddRange(LineBreaker.Wrap(painter, ReportText.CleanSingleLine(callout.Title), ReportTheme.CalloutTitle, textWidth)
                .Select(l => (l, ReportTheme.CalloutTitle)));
        }

        lines.AddRange(LineBreaker.Wrap(painter, ReportText.Clean(callout.Text), ReportTheme.CalloutText, textWidth)
            .Select(l => (l, ReportTheme.CalloutText)));
        for (int i = 0; i < lines.Count; i++)
        {
            bool keep = lines.Count > 1 && (i == 0 || i == lines.Count - 2);
            fragments.Add(new CalloutLineFragment(lines[i].Text, lines[i].Style, callout.Severity, first: i == 0, last: i == lines.Count - 1)
            {
                KeepWithNext = keep,
            });
        }

        fragments.Add(new SpaceFragment(ParagraphGap + 2f));
    }
}
