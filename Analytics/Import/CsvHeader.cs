namespace Analytics.Import;

/// <summary>A file's header row, with case- and space-insensitive lookup by any of a column's names.</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<string, int> _index = new(StringComparer.OrdinalIgnoreCase);

    public CsvHeader(IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        Names = names;
        for (var i = 0; i < names.Count; i++)
        {
            _index.TryAdd(Normalize(names[i]), i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    /// <summary>The first of <paramref name="aliases"/> present in the file, or null.</summary>
    public Column? Find(params string[] aliases)
    {
        ArgumentNullException.ThrowIfNull(aliases);
        foreach (var alias in aliases)
        {
            if (_index.TryGetValue(Normalize(alias), out var i))
            {
                return new Column(i, Names[i].Trim());
            }
        }

        return null;
    }

    /// <summary>Like <see cref="Find"/>, but a file without the column cannot be imported by this profile.</summary>
    public Column Require(string profile, params string[] aliases) =>
        Find(aliases) ?? throw new ImportFileException(
            $"The file has no column {string.Join(" or ", aliases.Select(a => $"'{a}'"))}, which the '{profile}' profile needs. Columns found: {string.Join(", ", Names.Take(40))}.");

    private static string Normalize(string name) =>
        name.Trim().Trim('\uFEFF').Replace(" ", string.Empty, StringComparison.Ordinal).Replace("_", string.Empty, StringComparison.Ordinal);
}

/// <summary>A column's position and its name as the file spells it (used in messages).</summary>
public readonly record struct Column(int Index, string Name);
