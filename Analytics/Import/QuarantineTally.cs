using Analytics.Storage;

namespace Analytics.Import;

/// <summary>
/// Collects an import's quarantined fields until the next flush, counts the rows they come from and
/// keeps the first few for the summary.
/// </summary>
internal sealed class QuarantineTally(ImportLedger ledger, string fingerprint, string fileName)
{
    private const int ProblemsToShow = 20;

    private readonly List<QuarantinedRow> _pending = [];
    private readonly HashSet<long> _linesSinceFlush = [];

    /// <summary>Rows with at least one quarantined field (a row's fields are flushed together).</summary>
    public long Rows { get; private set; }

    public List<QuarantinedRow> FirstProblems { get; } = [];

    public void Add(long line, string field, string? raw, string reason)
    {
        var row = new QuarantinedRow(fingerprint, fileName, line, field, QuarantinedRow.Cap(raw), reason);
        _pending.Add(row);
        if (_linesSinceFlush.Add(line))
        {
            Rows++;
        }

        if (FirstProblems.Count < ProblemsToShow)
        {
            FirstProblems.Add(row);
        }
    }

    public int Pending => _pending.Count;

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count > 0)
        {
            await ledger.QuarantineAsync(_pending, cancellationToken);
            _pending.Clear();
        }

        _linesSinceFlush.Clear();
    }
}
