using System.Text;
using Analytics.Import;
using Analytics.Storage;
using Analytics.Tickets;

namespace Analytics.Roster;

/// <summary>What one roster import did.</summary>
/// <param name="Stored">Rows now in the store as the file says: <paramref name="Added"/> + <paramref name="Changed"/> + <paramref name="Unchanged"/>.</param>
public sealed record RosterImportSummary(
    string FileName,
    RosterFileKind Kind,
    long RowsRead,
    long Added,
    long Changed,
    long Unchanged,
    long Quarantined,
    IReadOnlyList<QuarantinedRow> FirstProblems)
{
    public long Stored => Added + Changed + Unchanged;
}

/// <summary>
/// Loads one roster file (teams, agents or planned leave, told by its header) into the store. Encoding and
/// delimiter are detected as for ticket exports. A row that cannot be read is quarantined with its file,
/// line, field and reason and the good rows are kept; rows are keyed by name (leave by agent and first
/// day), so importing the same file again changes nothing. A roster is small: it is read whole.
/// </summary>
public sealed class RosterImporter(ReferenceStore reference, ImportLedger ledger)
{
    private const int ProblemsToShow = 20;

    public async Task<RosterImportSummary> ImportAsync(string path, Encoding? encoding, char? delimiter, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new ImportFileException($"{path}: file not found.");
        }

        FileShape shape;
        try
        {
            shape = FileSniffer.Sniff(path, encoding, delimiter);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ImportFileException($"{path}: cannot be read: {ex.Message}", ex);
        }

        if (shape.Length == 0)
        {
            throw new ImportFileException($"{path}: the file is empty.");
        }

        using var text = new StreamReader(path, shape.Encoding, detectEncodingFromByteOrderMarks: true);
        var csv = new CsvRecordReader(text, shape.Delimiter);
        if (csv.Read()?.Record is not { } headerRecord || headerRecord.Fields.All(string.IsNullOrWhiteSpace))
        {
            throw new ImportFileException($"{path}: no header row: the first line holds no column names.");
        }

        RosterFile file;
        try
        {
            file = RosterFile.Bind(new CsvHeader([.. headerRecord.Fields.Select(f => f.Trim().Trim('\uFEFF'))]));
        }
        catch (ImportFileException ex)
        {
            throw new ImportFileException($"{path}: {ex.Message}", ex);
        }

        csv.ExpectedFieldCount = file.Header.Names.Count;
        var runId = await ledger.StartRunAsync(fileName, shape.Fingerprint, "roster-" + file.Kind.ToString().ToLowerInvariant(), cancellationToken);
        var rows = new List<CsvRecord>();
        var quarantine = new List<QuarantinedRow>();
        long read = 0;
        while (csv.Read() is { } result)
        {
            read++;
            if (result.Record is { } record)
            {
                rows.Add(record);
            }
            else
            {
                quarantine.Add(new QuarantinedRow(shape.Fingerprint, fileName, result.Line, "(row)", QuarantinedRow.Cap(result.Raw), result.Error ?? "unreadable row"));
            }
        }

        var summary = await StoreAsync(file, rows, quarantine, shape.Fingerprint, fileName, read, cancellationToken);
        await ledger.FinishRunAsync(runId, new ImportSummary(fileName, read, summary.Added, summary.Changed, summary.Unchanged, summary.Quarantined, summary.FirstProblems), cancellationToken);
        return summary;
    }

    /// <summary>
    /// Parses and stores rows of one roster kind; shared by the file import and the sync sources' roster
    /// query. Rows whose problems are listed in <paramref name="quarantine"/> already are counted as quarantined.
    /// </summary>
    internal async Task<RosterImportSummary> StoreAsync(
        RosterFile file, IReadOnlyList<CsvRecord> rows, List<QuarantinedRow> quarantine, string fingerprint, string fileName, long read, CancellationToken cancellationToken)
    {
        var badRows = quarantine.Select(q => q.Line).ToHashSet();
        var (added, changed, unchanged) = (0L, 0L, 0L);
        void Count<T>(T item, T? before, Func<T, T, bool>? same = null)
            where T : class
        {
            if (before is null)
            {
                added++;
            }
            else if (same?.Invoke(before, item) ?? before.Equals(item))
            {
                unchanged++;
            }
            else
            {
                changed++;
            }
        }

        void Quarantine(CsvRecord record)
        {
            badRows.Add(record.Line);
            foreach (var problem in file.Problems)
            {
                quarantine.Add(new QuarantinedRow(fingerprint, fileName, record.Line, problem.Field, QuarantinedRow.Cap(problem.RawValue), problem.Reason));
            }
        }

        switch (file.Kind)
        {
            case RosterFileKind.Teams:
            {
                var existing = (await reference.GetTeamsAsync(cancellationToken)).ToDictionary(t => t.Name, StringComparer.Ordinal);
                var good = new Dictionary<string, Team>(StringComparer.Ordinal);
                foreach (var record in rows)
                {
                    if (file.Team(record) is { } team)
                    {
                        good[team.Name] = team;
                    }
                    else
                    {
                        Quarantine(record);
                    }
                }

                foreach (var team in good.Values)
                {
                    // Read back, a team's e-mail list is a new array, which record equality compares by reference.
                    Count(team, existing.GetValueOrDefault(team.Name), (a, b) => a.ManagerEmails.SequenceEqual(b.ManagerEmails) && a == b with { ManagerEmails = a.ManagerEmails });
                }

                await reference.UpsertTeamsAsync(good.Values, cancellationToken);
                break;
            }

            case RosterFileKind.Agents:
            {
                var existing = (await reference.GetAgentsAsync(cancellationToken)).ToDictionary(a => a.Name, StringComparer.Ordinal);
                var good = new Dictionary<string, Agent>(StringComparer.Ordinal);
                foreach (var record in rows)
                {
                    if (file.Agent(record) is { } agent)
                    {
                        good[agent.Name] = agent;
                    }
                    else
                    {
                        Quarantine(record);
                    }
                }

                foreach (var agent in good.Values)
                {
                    Count(agent, existing.GetValueOrDefault(agent.Name));
                }

                await reference.UpsertAgentsAsync(good.Values, cancellationToken);
                break;
            }

            default:
            {
                var existing = (await reference.GetLeaveAsync(cancellationToken)).ToDictionary(l => (l.Agent, l.From));
                var good = new Dictionary<(string, DateOnly), AgentLeave>();
                foreach (var record in rows)
                {
                    if (file.Leave(record) is { } leave)
                    {
                        good[(leave.Agent, leave.From)] = leave;
                    }
                    else
                    {
                        Quarantine(record);
                    }
                }

                foreach (var leave in good.Values)
                {
                    Count(leave, existing.GetValueOrDefault((leave.Agent, leave.From)));
                }

                await reference.UpsertLeaveAsync(good.Values, cancellationToken);
                break;
            }
        }

        await ledger.QuarantineAsync(quarantine, cancellationToken);
        return new RosterImportSummary(fileName, file.Kind, read, added, changed, unchanged, badRows.Count, [.. quarantine.Take(ProblemsToShow)]);
    }
}
