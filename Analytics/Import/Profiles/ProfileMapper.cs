using Analytics.Tickets;

namespace Analytics.Import.Profiles;

/// <summary>
/// What every profile's row mapper does the same way, so that a profile is only its columns and what they
/// mean: finding columns by any of their names (remembering which hold dates, for detecting the file's
/// layout, and which is the key), the problems every ticket can have (a missing key or opening time, a time
/// before the opening), assembling the canonical ticket, and quarantining a row whole when any field of it
/// could not be read.
/// </summary>
internal abstract class ProfileMapper : IRowMapper
{
    private readonly CsvHeader _header;
    private readonly string _profile;
    private readonly List<Column> _dateColumns = [];
    private Column? _key;

    protected ProfileMapper(CsvHeader header, string profile)
    {
        ArgumentNullException.ThrowIfNull(header);
        _header = header;
        _profile = profile;
    }

    public IReadOnlyList<Column> DateColumns => _dateColumns;

    public string KeyColumn => (_key ?? throw new InvalidOperationException($"The '{_profile}' profile named no key column.")).Name;

    public abstract IEnumerable<ImportItem> Map(RowReader row);

    public virtual IEnumerable<ImportItem> Flush() => [];

    /// <summary>The ticket's key in the source: required, and named when a key appears twice.</summary>
    protected Column Key(params string[] aliases) => (_key = Required(aliases)).Value;

    /// <summary>A column the profile cannot do without: a file without it is refused, naming what it has.</summary>
    protected Column Required(params string[] aliases) => _header.Require(_profile, aliases);

    protected Column? Optional(params string[] aliases) => _header.Find(aliases);

    protected Column RequiredDate(params string[] aliases) => Date(Required(aliases));

    protected Column? OptionalDate(params string[] aliases) => Optional(aliases) is { } column ? Date(column) : null;

    /// <summary>Marks a column found another way as holding dates.</summary>
    protected Column Date(Column column)
    {
        if (!_dateColumns.Contains(column))
        {
            _dateColumns.Add(column);
        }

        return column;
    }

    /// <summary>
    /// One row, one item: the ticket, or the row in the quarantine with every problem found while reading it
    /// (a field read after the others were checked still counts).
    /// </summary>
    protected static IEnumerable<ImportItem> One(RowReader row, ImportItem? item) =>
        [item is not null && row.Problems.Count == 0 ? item : ImportItem.Quarantined(row.Line, row.Problems)];

    protected static ImportItem Item(RowReader row, Ticket ticket) => new(row.Line) { Ticket = ticket };

    /// <summary>A date every ticket must have (its opening): missing is a problem, as unreadable already is.</summary>
    protected static DateTimeOffset? Required(RowReader row, Column column, DateTimeOffset? value)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (value is null && MissingValues.IsMissing(row.RawOf(column)))
        {
            row.Problem(column, row.RawOf(column), "required value is missing");
        }

        return value;
    }

    /// <summary>A ticket cannot be resolved or closed before it was opened: that is damage, not data.</summary>
    protected static void NotBeforeOpened(RowReader row, Column? column, DateTimeOffset? value, string what, DateTimeOffset? opened)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (opened is { } o && value is { } v && v < o && column is { } c)
        {
            row.Problem(c, row.RawOf(c), $"{what} ({v:u}) before opened ({o:u})");
        }
    }

    /// <summary>
    /// The fields every profile fills the same way: source and key, lifecycle, channel (monitoring means raised
    /// by IT itself) and the watermark, which is the source's last change or else the latest known time.
    /// </summary>
    protected static Ticket NewTicket(
        RowReader row, string id, TicketKind kind, DateTimeOffset opened, DateTimeOffset? resolved, DateTimeOffset? closed, DateTimeOffset? updated, Channel? channel)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new Ticket
        {
            Source = row.Context.Source,
            TicketId = id,
            Kind = kind,
            OpenedAt = opened,
            ResolvedAt = resolved,
            ClosedAt = closed,
            Channel = channel,
            Proactive = channel == Channel.Monitoring,
            UpdatedAt = updated ?? Latest(opened, resolved, closed),
        };
    }

    /// <summary>A ticket's last known change when the source gives none: its latest lifecycle time.</summary>
    internal static DateTimeOffset Latest(DateTimeOffset opened, DateTimeOffset? resolved, DateTimeOffset? closed)
    {
        var latest = opened;
        if (resolved > latest)
        {
            latest = resolved.Value;
        }

        if (closed > latest)
        {
            latest = closed.Value;
        }

        return latest;
    }
}
