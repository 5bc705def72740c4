using System.Globalization;
using System.Text.Json;
using Analytics.Calendar;
using Worker.Cli;

namespace Worker.Tests.Cli;

/// <summary>The json and csv a script reads: unknown is null (never 0), numbers invariant whatever the culture, RFC 4180 quoting.</summary>
public sealed class OutputWriterTests
{
    [Fact]
    public void Json_UnknownFiguresAreNull_NumbersInvariant_DatesAndWeeksIso()
    {
        var json = WithCulture("nl-NL", () => OutputWriter.Json(Sample()));

        using var document = JsonDocument.Parse(json);
        Assert.Equal("2026-W47", document.RootElement.GetProperty("week").GetString());
        var row = document.RootElement.GetProperty("rows")[0];
        Assert.Equal(JsonValueKind.Null, row.GetProperty("contractHours").ValueKind);
        Assert.Equal(JsonValueKind.Null, row.GetProperty("share").ValueKind);
        Assert.Equal(1234.5, row.GetProperty("hours").GetDouble());
        Assert.Equal(0.25m, row.GetProperty("shrinkage").GetDecimal());
        Assert.Equal("2026-11-16", row.GetProperty("from").GetString());
        Assert.Equal("Ann \"de\" Wit, Jr.", row.GetProperty("agent").GetString());
        Assert.Equal(["a", "b"], row.GetProperty("reasons").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(3, row.GetProperty("queues").GetProperty("phone").GetInt32());
        Assert.Contains("1234.5", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_HeaderRow_CrLf_QuotedWhereNeeded_UnknownEmpty_Invariant()
    {
        var csv = WithCulture("nl-NL", () => OutputWriter.Csv(Sample().Tables[0]));

        Assert.Equal(
            "week,agent,hours,contractHours,share,shrinkage,from,reasons,queues\r\n"
            + "2026-W47,\"Ann \"\"de\"\" Wit, Jr.\",1234.5,,,0.25,2026-11-16,a; b,phone=3\r\n",
            csv);
    }

    [Fact]
    public void Csv_TextThatASpreadsheetWouldRunAsAFormula_IsDefused_NumbersAreNot()
    {
        var document = new OutputDocument();
        var rows = document.Table("rows", "team", "gap");
        rows.Add("=HYPERLINK(\"http://x\")", -1.5);
        rows.Add("@SUM(A1)", 2.0);
        rows.Add("-cmd", 0.0);

        var csv = OutputWriter.Csv(document.Tables[0]);

        Assert.Equal("team,gap\r\n\"'=HYPERLINK(\"\"http://x\"\")\",-1.5\r\n'@SUM(A1),2\r\n'-cmd,0\r\n", csv);
    }

    private static OutputDocument Sample()
    {
        var document = new OutputDocument().Property("week", new IsoWeek(2026, 47));
        document.Table("rows", "week", "agent", "hours", "contractHours", "share", "shrinkage", "from", "reasons", "queues")
            .Add(new IsoWeek(2026, 47), "Ann \"de\" Wit, Jr.", 1234.5, (double?)null, double.NaN, 0.25m, new DateOnly(2026, 11, 16), new List<string> { "a", "b" },
                new Dictionary<string, object?> { ["phone"] = 3 });
        return document;
    }

    private static T WithCulture<T>(string name, Func<T> action)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo(name);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }
}
