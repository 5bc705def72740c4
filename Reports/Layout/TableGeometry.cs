namespace Reports.Layout;

/// <summary>Column positions of a table within the body width.</summary>
internal sealed class TableGeometry
{
    public const float CellPaddingX = 5f;
    public const float CellPaddingY = 3.5f;

    private TableGeometry(IReadOnlyList<float> lefts, IReadOnlyList<float> widths, IReadOnlyList<CellAlignment> alignments)
    {
        Lefts = lefts;
        Widths = widths;
        Alignments = alignments;
    }

    public IReadOnlyList<float> Lefts { get; }

    public IReadOnlyList<float> Widths { get; }

    public IReadOnlyList<CellAlignment> Alignments { get; }

    public int Count => Widths.Count;

    /// <summary>
    /// Fixed columns get their points, weighted columns share the rest; when fixed columns alone
    /// are wider than the body, everything is scaled down so the table never leaves the margins.
    /// </summary>
    public static TableGeometry Create(IReadOnlyList<TableColumn> columns, float width, Func<string, float> headerWordWidth)
    {
        float fixedTotal = columns.Where(c => c.Width.IsFixed).Sum(c => c.Width.Value);
        float free = Math.Max(0, width - fixedTotal);
        var weighted = Enumerable.Range(0, columns.Count).Where(i => !columns[i].Width.IsFixed).ToList();
        var widths = columns.Select(c => c.Width.IsFixed ? c.Width.Value : 0f).ToArray();

        // A weighted column is at least as wide as its longest header word (so "Reassigned" is not
        // broken by character), as long as the others keep their share of what is left.
        var minimum = columns
            .Select(c => Math.Min(
                c.Header.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(headerWordWidth).DefaultIfEmpty(0).Max() + (2 * CellPaddingX) + 0.5f,
                free / Math.Max(1, weighted.Count) * 2f))
            .ToArray();
        var open = new List<int>(weighted);
        float remaining = free;
        bool changed = true;
        while (changed && open.Count > 0)
        {
            changed = false;
            float weightTotal = open.Sum(i => columns[i].Width.Value);
            foreach (int i in open.ToList())
            {
                float share = remaining * columns[i].Width.Value / weightTotal;
                if (share < minimum[i])
                {
                    widths[i] = minimum[i];
                    remaining -= minimum[i];
                    open.Remove(i);
                    changed = true;
                }
            }
        }

        if (open.Count > 0)
        {
            float weightTotal = open.Sum(i => columns[i].Width.Value);
            foreach (int i in open)
            {
                widths[i] = Math.Max(0, remaining) * columns[i].Width.Value / weightTotal;
            }
        }

        float total = widths.Sum();
        if (total > width)
        {
            widths = widths.Select(w => w * width / total).ToArray();
        }

        var lefts = new List<float>(widths.Length);
        float x = 0;
        foreach (var w in widths)
        {
            lefts.Add(x);
            x += w;
        }

        return new TableGeometry(lefts, widths, columns.Select(c => c.Alignment).ToList());
    }

    public float TextWidth(int column) => Math.Max(1f, Widths[column] - (2 * CellPaddingX));
}
