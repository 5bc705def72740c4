namespace Worker.Cli;

/// <summary>
/// What a reporting command prints, as data: a few named values and named tables whose columns carry stable
/// camelCase names. A cell is null where the figure is unknown; the table output says "unknown" or "–" there.
/// </summary>
public sealed class OutputDocument
{
    private readonly List<KeyValuePair<string, object?>> _properties = [];
    private readonly List<OutputTable> _tables = [];

    public IReadOnlyList<KeyValuePair<string, object?>> Properties => _properties;

    public IReadOnlyList<OutputTable> Tables => _tables;

    public OutputDocument Property(string name, object? value)
    {
        _properties.Add(new(name, value));
        return this;
    }

    public OutputTable Table(string name, params string[] columns)
    {
        var table = new OutputTable(name, columns);
        _tables.Add(table);
        return table;
    }
}

/// <summary>One table of an <see cref="OutputDocument"/>: an array of objects in json, the whole file in csv.</summary>
public sealed class OutputTable(string name, IReadOnlyList<string> columns)
{
    private readonly List<object?[]> _rows = [];

    public string Name { get; } = name;

    public IReadOnlyList<string> Columns { get; } = columns;

    public IReadOnlyList<object?[]> Rows => _rows;

    public void Add(params object?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (cells.Length != Columns.Count)
        {
            // A programming error: a row that does not fit its header would shift every later column.
            throw new ArgumentException($"Table '{Name}' has {Columns.Count} columns; a row of {cells.Length} cells was added.", nameof(cells));
        }

        _rows.Add(cells);
    }
}
