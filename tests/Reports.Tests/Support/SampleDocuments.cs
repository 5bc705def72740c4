using Reports.Layout;

namespace Reports.Tests.Support;

internal static class SampleDocuments
{
    public static readonly DateTimeOffset DataAsOf = new(2026, 11, 22, 23, 0, 0, TimeSpan.Zero);

    public static ReportDocument New(string title = "Weekly workload report") =>
        new(
            new ReportMetadata(title, "Service Desk, week 47", "Workload monitor"),
            new PageHeaderInfo(title, "Service Desk", "2026-W47", DataAsOf));

    public static string Words(int count, int seed = 1)
    {
        string[] vocabulary =
        [
            "backlog", "tickets", "resolved", "incoming", "service", "desk", "laptop", "account", "change", "problem",
            "weekend", "capacity", "forecast", "requests", "maintenance", "the", "and", "of", "a", "team",
        ];
        var random = new Random(seed);
        return string.Join(' ', Enumerable.Range(0, count).Select(_ => vocabulary[random.Next(vocabulary.Length)]));
    }
}
