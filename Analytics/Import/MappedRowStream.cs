using System.Threading.Channels;
using Analytics.Storage;

namespace Analytics.Import;

/// <summary>
/// Reads and maps a file's rows on a background task and hands them over in chunks through a bounded
/// channel, so parsing overlaps with writing and memory stays at a few chunks whatever the file size.
/// </summary>
internal sealed class MappedRowStream
{
    private const int DateSampleRows = 200;
    private const int ChunksInFlight = 4;

    private readonly CsvRecordReader _csv;
    private readonly IRowMapper _mapper;
    private readonly ImportContext _context;
    private readonly string? _dateFormat;
    private readonly int _chunkSize;
    private readonly Channel<List<ImportItem>> _channel;
    private long _rowsRead;

    public MappedRowStream(CsvRecordReader csv, IRowMapper mapper, ImportContext context, string? dateFormat, int chunkSize)
    {
        _csv = csv;
        _mapper = mapper;
        _context = context;
        _dateFormat = dateFormat;
        _chunkSize = Math.Max(1, chunkSize);
        _channel = Channel.CreateBounded<List<ImportItem>>(new BoundedChannelOptions(ChunksInFlight)
        {
            SingleReader = true,
            SingleWriter = true,
        });
    }

    public long RowsRead => Interlocked.Read(ref _rowsRead);

    public IAsyncEnumerable<List<ImportItem>> ReadAllAsync(CancellationToken cancellationToken) =>
        _channel.Reader.ReadAllAsync(cancellationToken);

    public Task ProduceAsync(CancellationToken cancellationToken) => Task.Run(async () =>
    {
        try
        {
            await ProduceCoreAsync(cancellationToken);
            _channel.Writer.Complete();
        }
        catch (Exception ex)
        {
            _channel.Writer.Complete(ex);
            throw;
        }
    }, cancellationToken);

    private async Task ProduceCoreAsync(CancellationToken cancellationToken)
    {
        // A sample of rows decides the date layout; they are then mapped like every other row.
        var sample = new List<CsvReadResult>(DateSampleRows);
        while (sample.Count < DateSampleRows && _csv.Read() is { } first)
        {
            sample.Add(first);
        }

        _context.DateFormat = _dateFormat is { } explicitFormat
            ? DateFormat.Parse(explicitFormat)
            : DateFormat.Detect(sample
                .Where(r => r.Record is not null)
                .SelectMany(r => _mapper.DateColumns.Where(c => c.Index < r.Record!.Fields.Count).Select(c => r.Record!.Fields[c.Index])));

        var rowReader = new RowReader(_context);
        var chunk = new List<ImportItem>(_chunkSize);
        foreach (var result in sample)
        {
            Map(result, rowReader, chunk);
        }

        while (_csv.Read() is { } result)
        {
            Map(result, rowReader, chunk);
            if (chunk.Count >= _chunkSize)
            {
                await _channel.Writer.WriteAsync(chunk, cancellationToken);
                chunk = new List<ImportItem>(_chunkSize);
            }
        }

        foreach (var item in _mapper.Flush())
        {
            chunk.Add(item.Ticket is { } ticket ? item with { Hash = TicketHash.Compute(ticket) } : item);
        }
        if (chunk.Count > 0)
        {
            await _channel.Writer.WriteAsync(chunk, cancellationToken);
        }
    }

    private void Map(CsvReadResult result, RowReader rowReader, List<ImportItem> chunk)
    {
        Interlocked.Increment(ref _rowsRead);
        if (result.Record is not { } record)
        {
            chunk.Add(ImportItem.Quarantined(result.Line, [new RowProblem("(row)", result.Raw, result.Error ?? "unreadable row")]));
            return;
        }

        rowReader.Load(record);
        foreach (var item in _mapper.Map(rowReader))
        {
            chunk.Add(item.Ticket is { } ticket ? item with { Hash = TicketHash.Compute(ticket) } : item);
        }
    }
}
