namespace Analytics.Import;

/// <summary>A file read record by record: CSV rows, or an XES log's events laid out as rows.</summary>
public interface IRecordReader
{
    /// <summary>The next record; null at the end. A record that cannot be read comes back with its error.</summary>
    CsvReadResult? Read();
}
