namespace Reports.Layout;

/// <summary>
/// A table that breaks across pages and repeats its header row on each. Rows are cell texts as
/// they should read; missing cells are empty, extra cells are ignored.
/// </summary>
public sealed record Table(IReadOnlyList<TableColumn> Columns, IReadOnlyList<IReadOnlyList<string>> Rows) : Block
{
    /// <summary>Lines a cell may wrap to before it is cut with an ellipsis. Default 3.</summary>
    public int MaxLinesPerCell { get; init; } = 3;
}

/// <summary>A table column: header text, width and alignment.</summary>
public sealed record TableColumn(string Header)
{
    public ColumnWidth Width { get; init; } = ColumnWidth.Weight(1);

    public CellAlignment Alignment { get; init; } = CellAlignment.Left;

    /// <summary>A text column taking a share of the free width.</summary>
    public static TableColumn Text(string header, float weight = 1) => new(header) { Width = ColumnWidth.Weight(weight) };

    /// <summary>A right-aligned numeric column taking a share of the free width.</summary>
    public static TableColumn Number(string header, float weight = 1) =>
        new(header) { Width = ColumnWidth.Weight(weight), Alignment = CellAlignment.Right };
}

/// <summary>A column width: fixed in points, or a weight sharing what the fixed columns leave.</summary>
public readonly record struct ColumnWidth(float Value, bool IsFixed)
{
    public static ColumnWidth Weight(float weight) =>
        new(weight > 0 && float.IsFinite(weight) ? weight : throw new ArgumentOutOfRangeException(nameof(weight), weight, "A column weight must be positive."), false);

    public static ColumnWidth Fixed(float points) =>
        new(points > 0 && float.IsFinite(points) ? points : throw new ArgumentOutOfRangeException(nameof(points), points, "A column width must be positive."), true);
}

public enum CellAlignment
{
    Left,
    Right,
    Center,
}
