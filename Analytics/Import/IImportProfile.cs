namespace Analytics.Import;

/// <summary>
/// Knows one ticketing system's export: which columns mean what. <see cref="Bind"/> checks the header
/// and returns a mapper for that file's rows.
/// </summary>
public interface IImportProfile
{
    /// <summary>Name on the command line ("servicenow").</summary>
    string Name { get; }

    /// <summary>Reads the header; throws <see cref="ImportFileException"/> when a column the profile needs is missing.</summary>
    IRowMapper Bind(CsvHeader header);

    /// <summary>
    /// Fills settings the command line left open from the profile's own configuration (the generic
    /// profile's mapping file names its source, date layout and time zone). Settings given explicitly win.
    /// </summary>
    ImportOptions WithDefaults(ImportOptions options) => options;
}

/// <summary>Maps the rows of one file. May hold rows back (to fold an audit trail) until <see cref="Flush"/>.</summary>
public interface IRowMapper
{
    /// <summary>Columns holding dates; their values decide the file's date layout when none is given.</summary>
    IReadOnlyList<Column> DateColumns { get; }

    /// <summary>Column named in the message when a key appears twice with different data.</summary>
    string KeyColumn { get; }

    IEnumerable<ImportItem> Map(RowReader row);

    IEnumerable<ImportItem> Flush();
}
