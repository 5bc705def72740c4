using Analytics.Import.EventLog;

namespace Analytics.Tests.Import.EventLog;

/// <summary>The bounded-memory sort behind the event-log import: runs spilled to disk and merged.</summary>
public sealed class EventRunSorterTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(1_000)] // one run, in memory
    [InlineData(3)]     // many runs on disk, merged
    [InlineData(1)]
    public void ReadSorted_GivesCaseThenTimeThenLineOrder_WhateverTheRunLength(int runLength)
    {
        var random = new Random(7);
        var rows = Enumerable.Range(1, 200)
            .Select(line => new StagedEvent($"C-{random.Next(15)}", T0.AddMinutes(random.Next(5)), line, $"step {line}", random.Next(3) == 0 ? null : "Desk", null, null))
            .ToList();
        using var sorter = new EventRunSorter(runLength);
        foreach (var row in rows)
        {
            sorter.Add(row);
        }

        var sorted = sorter.ReadSorted().ToList();

        var expected = rows.OrderBy(r => r.CaseId, StringComparer.Ordinal).ThenBy(r => r.OccurredAt).ThenBy(r => r.Line).ToList();
        Assert.Equal(expected, sorted);
        Assert.Equal(200, sorter.Count);
    }

    [Fact]
    public void Dispose_RemovesTheSpilledRuns()
    {
        string folder;
        using (var sorter = new EventRunSorter(runLength: 2))
        {
            for (var i = 0; i < 5; i++)
            {
                sorter.Add(new StagedEvent("C-1", T0.AddMinutes(-i), i, "x", null, null, "a\u001Fb"));
            }

            Assert.Equal([4L, 3, 2, 1, 0], sorter.ReadSorted().Select(r => r.Line));
            folder = Directory.GetDirectories(Path.GetTempPath(), "analytics-eventlog-*")
                .Single(d => Directory.GetFiles(d, "run-*.bin").Length == 3);
        }

        Assert.False(Directory.Exists(folder));
    }
}
