namespace Analytics.Import.EventLog;

/// <summary>
/// Sorts an event log's rows by case, time and file line with bounded memory: rows are collected into
/// runs of <see cref="RunLength"/>, each run is sorted and, when more follow, spilled to a temporary
/// file; reading merges the runs. A log that fits in one run never touches the disk.
/// </summary>
/// <remarks>
/// Staging the rows in a store table and reading them back ordered cost more than half of an import's
/// time (every row written, indexed or sorted by the engine, read and deleted); a merge of a few
/// sorted files is a fraction of that and needs no schema.
/// </remarks>
internal sealed class EventRunSorter : IDisposable
{
    public const int RunLength = 200_000;

    private static readonly Comparison<StagedEvent> Order = (a, b) =>
    {
        var byCase = string.CompareOrdinal(a.CaseId, b.CaseId);
        if (byCase != 0)
        {
            return byCase;
        }

        var byTime = a.OccurredAt.UtcTicks.CompareTo(b.OccurredAt.UtcTicks);
        return byTime != 0 ? byTime : a.Line.CompareTo(b.Line);
    };

    private readonly List<StagedEvent> _run = new(RunLength);
    private readonly List<string> _spilled = [];
    private readonly int _runLength;
    private string? _folder;

    public EventRunSorter(int runLength = RunLength) => _runLength = runLength;

    public long Count { get; private set; }

    public void Add(StagedEvent row)
    {
        _run.Add(row);
        Count++;
        if (_run.Count >= _runLength)
        {
            Spill();
        }
    }

    /// <summary>Every row added, in order. Call once, after the last <see cref="Add"/>.</summary>
    public IEnumerable<StagedEvent> ReadSorted()
    {
        _run.Sort(Order);
        if (_spilled.Count == 0)
        {
            return _run;
        }

        Spill();
        return Merge();
    }

    private IEnumerable<StagedEvent> Merge()
    {
        var readers = _spilled.Select(path => new RunFile.Reader(path)).ToList();
        try
        {
            var heads = new PriorityQueue<int, StagedEvent>(Comparer<StagedEvent>.Create(Order));
            for (var i = 0; i < readers.Count; i++)
            {
                if (readers[i].Next() is { } first)
                {
                    heads.Enqueue(i, first);
                }
            }

            while (heads.TryDequeue(out var run, out var row))
            {
                yield return row;
                if (readers[run].Next() is { } next)
                {
                    heads.Enqueue(run, next);
                }
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    private void Spill()
    {
        if (_run.Count == 0)
        {
            return;
        }

        _run.Sort(Order);
        _folder ??= Directory.CreateTempSubdirectory("analytics-eventlog-").FullName;
        var path = Path.Combine(_folder, $"run-{_spilled.Count:D5}.bin");
        RunFile.Write(path, _run);
        _spilled.Add(path);
        _run.Clear();
    }

    public void Dispose()
    {
        if (_folder is not null && Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }

    /// <summary>A sorted run on disk: the rows' fields in order, strings length-prefixed (null as a flag).</summary>
    private static class RunFile
    {
        public static void Write(string path, List<StagedEvent> rows)
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
            using var writer = new BinaryWriter(stream);
            foreach (var row in rows)
            {
                writer.Write(row.CaseId);
                writer.Write(row.OccurredAt.UtcTicks);
                writer.Write(row.Line);
                WriteNullable(writer, row.Activity);
                WriteNullable(writer, row.Team);
                WriteNullable(writer, row.Assignee);
                WriteNullable(writer, row.CaseValues);
            }
        }

        private static void WriteNullable(BinaryWriter writer, string? value)
        {
            writer.Write(value is not null);
            if (value is not null)
            {
                writer.Write(value);
            }
        }

        public sealed class Reader(string path) : IDisposable
        {
            private readonly BinaryReader _reader = new(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan));

            public StagedEvent? Next()
            {
                if (_reader.BaseStream.Position >= _reader.BaseStream.Length)
                {
                    return null;
                }

                return new StagedEvent(
                    _reader.ReadString(),
                    new DateTimeOffset(_reader.ReadInt64(), TimeSpan.Zero),
                    _reader.ReadInt64(),
                    ReadNullable(),
                    ReadNullable(),
                    ReadNullable(),
                    ReadNullable());
            }

            private string? ReadNullable() => _reader.ReadBoolean() ? _reader.ReadString() : null;

            public void Dispose() => _reader.Dispose();
        }
    }
}
