namespace Analytics.Import;

/// <summary>
/// Typed access to one record's fields. A field that cannot be read is recorded as a problem naming
/// the column and raw value, and reads as missing, so a profile maps the whole row and the importer
/// decides once whether to keep it. Values are read through <see cref="FieldParser"/>, as database rows are.
/// </summary>
public sealed class RowReader
{
    /// <summary>Free text longer than this is not a ticket field but damage (or an attack).</summary>
    public const int MaxFieldLength = FieldParser.MaxTextLength;

    private readonly List<RowProblem> _problems = [];
    private readonly ImportContext _context;
    private CsvRecord _record = new(0, [], string.Empty);

    public RowReader(ImportContext context) => _context = context;

    public long Line => _record.Line;

    public IReadOnlyList<RowProblem> Problems => _problems;

    public ImportContext Context => _context;

    public void Load(CsvRecord record)
    {
        _record = record;
        _problems.Clear();
    }

    /// <summary>The raw field, or null when the column is absent or the value is one of the "missing" spellings.</summary>
    public string? Text(Column? column)
    {
        if (column is not { } c || c.Index >= _record.Fields.Count)
        {
            return null;
        }

        var value = _record.Fields[c.Index];
        var text = FieldParser.Text(value, out var problem);
        if (problem is not null)
        {
            Problem(c, FieldParser.Shown(value), problem == FieldParser.InvalidUtf8 && _context.InvalidTextHint is { } hint ? $"{problem} {hint}" : problem);
        }

        return text;
    }

    /// <summary>A required text field: missing is a problem.</summary>
    public string? RequiredText(Column column)
    {
        var value = Text(column);
        if (value is null && !HasProblem(column))
        {
            Problem(column, RawOf(column), "required value is missing");
        }

        return value;
    }

    public DateTimeOffset? Instant(Column? column, TimeZoneInfo zone)
    {
        var text = Text(column);
        if (text is null || column is not { } c)
        {
            return null;
        }

        if (FieldParser.TryInstant(text, _context.DateFormat, zone, out var utc, out var rangeProblem))
        {
            return utc;
        }

        Problem(c, text, rangeProblem ?? $"not a date in the file's format ({_context.DateFormat.Name}) or ISO 8601");
        return null;
    }

    public int? WholeNumber(Column? column)
    {
        var text = Text(column);
        if (text is null || column is not { } c)
        {
            return null;
        }

        if (FieldParser.TryWholeNumber(text, out var value))
        {
            return value;
        }

        Problem(c, text, FieldParser.NotWholeNumber);
        return null;
    }

    public bool? Bool(Column? column)
    {
        var text = Text(column);
        if (text is null || column is not { } c)
        {
            return null;
        }

        if (FieldParser.TryYesNo(text, out var value))
        {
            return value;
        }

        Problem(c, text, FieldParser.NotYesNo);
        return null;
    }

    public void Problem(Column column, string? raw, string reason) =>
        _problems.Add(new RowProblem(column.Name, raw, reason));

    public void Problem(string field, string? raw, string reason) =>
        _problems.Add(new RowProblem(field, raw, reason));

    public string? RawOf(Column? column) =>
        column is { } c && c.Index < _record.Fields.Count ? _record.Fields[c.Index] : null;

    private bool HasProblem(Column column) => _problems.Exists(p => p.Field == column.Name);
}

/// <summary>Why one field of a row could not be read.</summary>
public readonly record struct RowProblem(string Field, string? RawValue, string Reason);
