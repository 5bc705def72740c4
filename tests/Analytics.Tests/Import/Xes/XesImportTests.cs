using System.IO.Compression;
using System.Text;
using Analytics.Import;
using Analytics.Tests.Support;
using Analytics.Tickets;
using static Analytics.Tests.Import.Profiles.ImportAssert;

namespace Analytics.Tests.Import.Xes;

/// <summary>XES event logs (IEEE 1849), plain and gzip, imported through an event-log mapping.</summary>
public sealed class XesImportTests : IDisposable
{
    private const string Mapping = """
        {
          "source": "xes",
          "columns": { "priority": "impact" },
          "eventLog": {
            "case": "trace:concept:name",
            "timestamp": "time:timestamp",
            "activity": ["concept:name", "lifecycle:transition"],
            "resolved": ["Completed-Resolved"],
            "closed": ["Completed-Closed"],
            "reopened": ["Accepted-*"],
            "team": "org:group",
            "assignee": "org:resource"
          }
        }
        """;

    // Shaped like the BPI Challenge logs: globals with placeholder values, a classifier, nested
    // meta attributes on the log, trace attributes, and events out of time order within a trace.
    private const string Log = """
        <?xml version="1.0" encoding="UTF-8" ?>
        <!-- written for the tests -->
        <log xes.version="1.0" xmlns="http://www.xes-standard.org/">
          <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
          <global scope="event">
            <string key="org:group" value="UNKNOWN"/>
          </global>
          <classifier name="Activity classifier" keys="concept:name lifecycle:transition"/>
          <float key="meta:stats" value="1.5">
            <float key="Ana" value="0.5"/>
          </float>
          <trace>
            <string key="concept:name" value="1-100"/>
            <event>
              <string key="concept:name" value="Accepted"/>
              <string key="lifecycle:transition" value="In Progress"/>
              <string key="org:group" value="V30"/>
              <string key="org:resource" value="Björn"/>
              <string key="impact" value="Medium"/>
              <date key="time:timestamp" value="2012-04-02T10:00:00+02:00"/>
            </event>
            <event>
              <string key="concept:name" value="Queued"/>
              <string key="lifecycle:transition" value="Awaiting Assignment"/>
              <string key="org:group" value="V30"/>
              <date key="time:timestamp" value="2012-04-02T09:00:00+02:00"/>
            </event>
            <event>
              <string key="concept:name" value="Completed"/>
              <string key="lifecycle:transition" value="Resolved"/>
              <string key="org:group" value="G97"/>
              <string key="org:resource" value="Siri"/>
              <list key="notes"><values><string key="n" value="x"/></values></list>
              <date key="time:timestamp" value="2012-04-03T16:30:00+02:00"/>
            </event>
          </trace>
          <trace>
            <string key="concept:name" value="1-200"/>
            <event>
              <string key="concept:name" value="Accepted"/>
              <string key="lifecycle:transition" value="In Progress"/>
              <string key="org:group" value="S42"/>
              <string key="impact" value="High"/>
              <date key="time:timestamp" value="2012-04-05T08:15:00+02:00"/>
            </event>
          </trace>
        </log>
        """;

    private readonly SqliteTestStore _store = new();

    [Theory]
    [InlineData("log.xes", false)]
    [InlineData("log.xes.gz", true)]
    [InlineData("export-without-extension", true)]
    public async Task Xes_PlainOrGzip_TracesBecomeTicketsAndEventsBecomeTheirEvents(string name, bool gzip)
    {
        var path = gzip ? _store.WriteBytes(name, Gzip(Log)) : _store.WriteFile(name, Log);

        var summary = await _store.ImportAsync(path, "generic", mappingFile: _store.WriteFile("map.json", Mapping));

        Counts(summary, read: 4, inserted: 2);
        var first = await TicketAsync(_store, "xes", "1-100");
        Assert.Equal(Utc(2012, 4, 2, 7, 0), first.OpenedAt);
        Assert.Equal(Utc(2012, 4, 3, 14, 30), first.ResolvedAt);
        Assert.Equal("G97", first.Team);
        Assert.Equal("Siri", first.Assignee);
        Assert.Equal(1, first.ReassignmentCount);
        Assert.Equal("Medium", first.Priority);
        var teams = (await _store.Tickets.GetEventsAsync("xes", "1-100", CancellationToken.None))
            .Where(e => e.Kind == TicketEventKind.TeamAssignment).Select(e => e.ToValue ?? "").ToArray();
        Assert.Equal(["V30", "G97"], teams);
        Assert.Equal("High", (await TicketAsync(_store, "xes", "1-200")).Priority);
    }

    [Fact]
    public async Task Xes_SameLogAsCsv_GivesTheSameTickets()
    {
        var csvMapping = Mapping
            .Replace("trace:concept:name", "Case", StringComparison.Ordinal)
            .Replace("\"xes\"", "\"csv\"", StringComparison.Ordinal);
        var csv = _store.WriteFile("log.csv", """
            Case,time:timestamp,concept:name,lifecycle:transition,org:group,org:resource,impact
            1-100,2012-04-03T16:30:00+02:00,Completed,Resolved,G97,Siri,
            1-100,2012-04-02T10:00:00+02:00,Accepted,In Progress,V30,Björn,Medium
            1-200,2012-04-05T08:15:00+02:00,Accepted,In Progress,S42,,High
            1-100,2012-04-02T09:00:00+02:00,Queued,Awaiting Assignment,V30,,
            """);

        await _store.ImportAsync(_store.WriteFile("log.xes", Log), "generic", mappingFile: _store.WriteFile("map.json", Mapping));
        await _store.ImportAsync(csv, "generic", mappingFile: _store.WriteFile("csv.json", csvMapping));

        foreach (var id in new[] { "1-100", "1-200" })
        {
            var fromXes = await TicketAsync(_store, "xes", id);
            var fromCsv = await TicketAsync(_store, "csv", id);
            Assert.Equal(fromXes with { Source = "csv" }, fromCsv);
        }
    }

    [Fact]
    public async Task Xes_BrokenHalfway_KeepsTheEventsBeforeTheBreakAndQuarantinesWithTheLine()
    {
        var broken = Log[..Log.IndexOf("<trace>\n    <string key=\"concept:name\" value=\"1-200\"/>", StringComparison.Ordinal)]
            + "<trace><event><string key=\"concept:name\" value=\"x\"></event>";

        var summary = await _store.ImportAsync(_store.WriteFile("log.xes", broken), "generic", mappingFile: _store.WriteFile("map.json", Mapping));

        Assert.Equal(1, summary.Inserted);
        Assert.Equal(1, summary.Quarantined);
        var problem = Assert.Single(summary.FirstProblems);
        Assert.Contains("not well-formed", problem.Reason, StringComparison.Ordinal);
        Assert.True(problem.Line > 30, $"line {problem.Line}");
    }

    [Fact]
    public async Task Xes_WithoutAnEventLogMapping_SaysHowToImportIt()
    {
        var ex = await Assert.ThrowsAsync<ImportFileException>(() => _store.ImportAsync(_store.WriteBytes("log.xes.gz", Gzip(Log)), "servicenow"));

        Assert.Contains("XES event log", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--profile generic", ex.Message, StringComparison.Ordinal);
    }

    private static byte[] Gzip(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    public void Dispose() => _store.Dispose();
}
