namespace Reports.Layout;

/// <summary>
/// A report to render: metadata, running header, and body blocks in reading order.
/// <code>
/// var doc = new ReportDocument(metadata, header).Add(new Heading("Summary")).Add(new Paragraph("..."));
/// byte[] pdf = renderer.Render(doc);
/// </code>
/// </summary>
public sealed class ReportDocument
{
    private readonly List<Block> blocks = [];

    public ReportDocument(ReportMetadata metadata, PageHeaderInfo header)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(header);
        Metadata = metadata;
        Header = header;
    }

    public ReportMetadata Metadata { get; }

    public PageHeaderInfo Header { get; }

    public IReadOnlyList<Block> Blocks => blocks;

    public ReportDocument Add(Block block)
    {
        ArgumentNullException.ThrowIfNull(block);
        blocks.Add(block);
        return this;
    }

    public ReportDocument AddRange(IEnumerable<Block> range)
    {
        ArgumentNullException.ThrowIfNull(range);
        foreach (var block in range)
        {
            Add(block);
        }

        return this;
    }
}
