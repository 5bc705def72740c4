using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Analytics.Storage;
using Analytics.Tickets;

namespace Analytics.Import.Sources;

/// <summary>
/// Database sources: the query file runs with @since bound and its rows stream into batches; each batch is
/// committed before the watermark follows, and only while the rows come in updated_at order.
/// </summary>
public sealed partial class TicketSync
{
    private async Task RunOnceAsync(TicketSourceOptions source, Counts totals, IProgress<SyncProgress>? progress, CancellationToken cancellationToken)
    {
        if (source.Provider.IsApi())
        {
            await RunApiAsync(source, totals, progress, cancellationToken);
            return;
        }

        if (string.IsNullOrWhiteSpace(source.DateFormat))
        {
            throw new SourceQueryException($"Source '{source.Name}': DateFormat must not be empty (iso, d/M/yyyy, dd-MM-yyyy, dd.MM.yyyy, yyyy/MM/dd, M/d/yyyy or a .NET format).");
        }

        string query;
        try
        {
            query = await File.ReadAllTextAsync(source.QueryFile, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SourceQueryException($"Source '{source.Name}': the query file {source.QueryFile} cannot be read: {ex.Message}", ex);
        }

        var (zone, now, limit, since, futureTimes) = await BeginAsync(source, cancellationToken);
        var dialect = SqlDialect.For(source.Provider.Database());
        await using var connection = dialect.CreateConnection(source.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = query;
        command.CommandTimeout = (int)Math.Ceiling(Options.QueryTimeout.TotalSeconds);
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@since";
        parameter.Value = dialect.ToSourceInstant(since, zone);
        command.Parameters.Add(parameter);

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var mapper = SourceRowMapper.Bind(reader, source.Name, source.QueryFile, zone, DateFormat.Parse(source.DateFormat));
        await using var writer = await tickets.OpenWriterAsync(null, cancellationToken);

        var batch = new List<TicketWrite>(Options.BatchSize);
        var quarantine = new List<QuarantinedRow>();
        var ordered = true;
        DateTimeOffset? previous = null;
        DateTimeOffset? highest = null;
        DateTimeOffset? first = null;
        var runRead = 0L;
        var future = 0L;
        (string Ticket, DateTimeOffset UpdatedAt) firstFuture = default;
        var clock = Stopwatch.StartNew();
        while (await reader.ReadAsync(cancellationToken))
        {
            totals.Read++;
            runRead++;
            Ticket? ticket;
            DateTimeOffset? updatedAt;
            try
            {
                ticket = mapper.Map(reader);
                updatedAt = ticket?.UpdatedAt ?? mapper.TryUpdatedAt();
            }
            catch (Exception ex) when (ex is not (OperationCanceledException or DbException))
            {
                // A value the driver or the mapping cannot handle costs this row, never the run.
                totals.Quarantined++;
                quarantine.Add(Quarantined(source.Name, mapper.Key, new RowProblem("(row)", null, $"the row cannot be read: {ex.Message}")));
                continue;
            }

            if (updatedAt is { } late && late > limit)
            {
                if (future++ == 0)
                {
                    firstFuture = (mapper.Key, late);
                }

                totals.Quarantined++;
                quarantine.Add(Quarantined(source.Name, mapper.Key, new RowProblem(
                    "updated_at",
                    late.ToString("u", CultureInfo.InvariantCulture),
                    $"updated_at is in the future: later than now plus Sync:ClockSkew ({limit:u}); the row is synced once that time has passed")));
                continue;
            }

            if (updatedAt is { } u)
            {
                first ??= u;
                if (previous is { } p && u < p && ordered)
                {
                    ordered = false;
                    Log.SyncUnordered(logger, source.Name, source.QueryFile);
                }

                previous = u;
                highest = highest is { } h && h > u ? h : u;
            }

            IReadOnlyList<RowProblem> problems = mapper.Problems;
            if (ticket is not null && FutureTimeCheck.Problems(ticket, now) is { Count: > 0 } ahead)
            {
                if (futureTimes == FutureTimes.Quarantine)
                {
                    problems = ahead;
                    ticket = null;
                }
                else
                {
                    totals.FutureKept++;
                }
            }

            if (ticket is null)
            {
                totals.Quarantined++;
                foreach (var problem in problems)
                {
                    quarantine.Add(Quarantined(source.Name, mapper.Key, problem));
                }
            }
            else
            {
                batch.Add(new TicketWrite(ticket, null));
            }

            if (batch.Count >= Options.BatchSize)
            {
                // Rows come in updated_at order, so everything up to here is committed once this batch is:
                // the watermark may follow. Out of order, only the end of the run says that.
                await FlushAsync(source.Name, writer, batch, quarantine, totals, ordered ? highest : null, cancellationToken);
                progress?.Report(new SyncProgress(source.Name, runRead, ordered ? first : null, previous, limit));
            }
        }

        await FlushAsync(source.Name, writer, batch, quarantine, totals, highest, cancellationToken);
        progress?.Report(new SyncProgress(source.Name, runRead, first, limit, limit));
        if (future > 0)
        {
            Log.SyncFutureRows(logger, source.Name, future, limit, firstFuture.Ticket ?? string.Empty, firstFuture.UpdatedAt);
        }

        totals.InFuture += future;
        Log.SyncRead(logger, source.Name, totals.Read, clock.Elapsed.TotalSeconds);
    }
}
