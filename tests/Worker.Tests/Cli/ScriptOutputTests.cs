using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Worker.Tests.Support;

namespace Worker.Tests.Cli;

/// <summary>
/// <c>--output json|csv</c> as a script uses it, from the worker executable with standard output and standard
/// error apart: standard output is one document and nothing else, its figures are the table's, the csv has a
/// header and the table's rows, and agents appear in neither unless asked for, as in the table.
/// </summary>
public sealed class ScriptOutputTests(DemoStore store) : IClassFixture<DemoStore>
{
    [Fact]
    public async Task Metrics_JsonAndCsv_HoldTheTablesTeamsWithItsFigures()
    {
        var table = await Run("metrics", "--week", "2026-W47");
        var json = await Run("metrics", "--week", "2026-W47", "--output", "json");
        var csv = await Run("metrics", "--week", "2026-W47", "--output", "csv");

        using var document = JsonDocument.Parse(json.Out);
        var rows = document.RootElement.GetProperty("metrics").EnumerateArray().ToList();
        Assert.True(rows.Count >= 3, json.Out);
        foreach (var row in rows)
        {
            var cells = Cells(table.Out, row.GetProperty("team").GetString()!);
            Assert.Equal(cells[1], Count(row, "incoming"));
            Assert.Equal(cells[2], Count(row, "resolved"));
            Assert.Equal(cells[4], Count(row, "backlog"));
            Assert.Equal(cells[7], Percent(row, "slaCompliance"));
            Assert.Equal(cells[11], Number(row, "daysToClear"));
        }

        var records = Csv(csv.Out);
        Assert.Equal(Names(rows[0]), records[0]);
        Assert.Equal(rows.Count, records.Count - 1);
        Assert.False(document.RootElement.TryGetProperty("agents", out _));
    }

    [Fact]
    public async Task Metrics_TeamWithAgents_JsonNamesTheTeamsOwnAgents_CsvTableAgents()
    {
        var table = await Run("metrics", "--team", "Workplace", "--week", "2026-W47", "--weeks", "3", "--agents");
        var json = await Run("metrics", "--team", "Workplace", "--week", "2026-W47", "--weeks", "3", "--agents", "--output", "json");
        var csv = await Run("metrics", "--team", "Workplace", "--week", "2026-W47", "--weeks", "3", "--agents", "--output", "csv", "--table", "agents");
        var withoutAgents = await Run("metrics", "--team", "Workplace", "--week", "2026-W47", "--output", "json");

        using var document = JsonDocument.Parse(json.Out);
        Assert.Equal(["2026-W45", "2026-W46", "2026-W47"], document.RootElement.GetProperty("metrics").EnumerateArray().Select(r => r.GetProperty("week").GetString()));
        var agents = document.RootElement.GetProperty("agents").EnumerateArray().ToList();
        Assert.NotEmpty(agents);
        foreach (var agent in agents)
        {
            var cells = Cells(table.Out, agent.GetProperty("agent").GetString()!);
            Assert.Equal(cells[1], Count(agent, "resolved"));
            Assert.Equal("Workplace", agent.GetProperty("team").GetString());
        }

        Assert.DoesNotContain(store.AgentOf("Service Desk"), json.Out, StringComparison.Ordinal);
        Assert.Equal(agents.Count, Csv(csv.Out).Count - 1);
        Assert.DoesNotContain(store.AgentOf("Workplace"), withoutAgents.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overload_Json_FlagsAsTheTable_AgentsOnlyWhenAsked()
    {
        var table = await Run("overload", "--week", "2026-W47");
        var json = await Run("overload", "--week", "2026-W47", "--output", "json");
        var csv = await Run("overload", "--week", "2026-W47", "--output", "csv");
        var withAgents = await Run("overload", "--week", "2026-W47", "--agents", "--output", "json");

        using var document = JsonDocument.Parse(json.Out);
        var teams = document.RootElement.GetProperty("teams").EnumerateArray().ToList();
        Assert.Contains(teams, t => t.GetProperty("team").GetString() == "Workplace");
        foreach (var team in teams)
        {
            Assert.Equal(Cells(table.Out, team.GetProperty("team").GetString()!)[1], team.GetProperty("severity").GetString());
            Assert.NotEmpty(team.GetProperty("reasons").EnumerateArray());
        }

        Assert.False(document.RootElement.TryGetProperty("agents", out _));
        Assert.DoesNotContain(store.AgentOf("Workplace"), json.Out + csv.Out, StringComparison.Ordinal);
        Assert.Equal(teams.Count, Csv(csv.Out).Count - 1);
        using var agents = JsonDocument.Parse(withAgents.Out);
        Assert.Equal(JsonValueKind.Array, agents.RootElement.GetProperty("agents").ValueKind);
    }

    [Fact]
    public async Task Forecast_Json_PointsAreTheTables_CsvHasThemWithAHeader()
    {
        var table = await Run("forecast", "--team", "Workplace");
        var json = await Run("forecast", "--team", "Workplace", "--output", "json");
        var csv = await Run("forecast", "--team", "Workplace", "--output", "csv");

        using var document = JsonDocument.Parse(json.Out);
        var points = document.RootElement.GetProperty("points").EnumerateArray().ToList();
        Assert.NotEmpty(points);
        foreach (var point in points)
        {
            var date = DateOnly.ParseExact(point.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var cells = Cells(table.Out, date.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture));
            var forecast = point.GetProperty("forecast").GetDouble();
            Assert.Equal(cells[1], forecast.ToString(forecast < 10 ? "0.0" : "0", CultureInfo.InvariantCulture));
        }

        Assert.Equal("Workplace", document.RootElement.GetProperty("team").GetString());
        var records = Csv(csv.Out);
        Assert.Equal(["date", "week", "forecast", "lower80", "upper80", "lower95", "upper95"], records[0]);
        Assert.Equal(points.Count, records.Count - 1);
    }

    [Fact]
    public async Task Staffing_Json_WeeksAreTheTables_UnknownCapacityIsNullNotZero()
    {
        var table = await Run("staffing", "--weeks", "4");
        var json = await Run("staffing", "--weeks", "4", "--output", "json");
        var csv = await Run("staffing", "--weeks", "4", "--output", "csv");

        using var document = JsonDocument.Parse(json.Out);
        var weeks = document.RootElement.GetProperty("weeks").EnumerateArray().ToList();
        Assert.NotEmpty(weeks);
        var tableRows = table.Out.Split('\n').Count(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s*│ \d{4}-W\d{2} "));
        Assert.Equal(tableRows, weeks.Count);
        foreach (var week in weeks)
        {
            Assert.Equal(4, weeks.Count(w => w.GetProperty("team").GetString() == week.GetProperty("team").GetString()));
            var available = week.GetProperty("availableFte");
            Assert.True(available.ValueKind == JsonValueKind.Null ? week.GetProperty("gapFte").ValueKind == JsonValueKind.Null : available.GetDouble() > 0, week.ToString());
        }

        Assert.Equal(weeks.Count, Csv(csv.Out).Count - 1);
        Assert.Contains("Staffing forecast from the weekly model", table.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RosterShow_JsonAndCsv_ListTheTablesAgents()
    {
        var table = await Run("roster", "show", "--week", "2026-W47");
        var json = await Run("roster", "show", "--week", "2026-W47", "--output", "json");
        var csv = await Run("roster", "show", "--week", "2026-W47", "--output", "csv", "--table", "agents");

        using var document = JsonDocument.Parse(json.Out);
        var agents = document.RootElement.GetProperty("agents").EnumerateArray().ToList();
        Assert.NotEmpty(agents);
        foreach (var agent in agents)
        {
            var cells = Cells(table.Out, agent.GetProperty("agent").GetString()!);
            Assert.Equal(cells[1], agent.GetProperty("team").GetString());
            var hours = agent.GetProperty("contractHours");
            Assert.Equal(cells[2], hours.ValueKind == JsonValueKind.Null ? "unknown" : hours.GetDouble().ToString("0.#", CultureInfo.InvariantCulture));
        }

        Assert.Equal(document.RootElement.GetProperty("teams").GetArrayLength(), Csv((await Run("roster", "show", "--week", "2026-W47", "--output", "csv")).Out).Count - 1);
        Assert.Equal(agents.Count, Csv(csv.Out).Count - 1);
        Assert.Equal(store.AbsentAgent, document.RootElement.GetProperty("leave")[0].GetProperty("agent").GetString());
    }

    [Theory]
    [InlineData("--weeks", "1 and 52", "metrics", "--week", "2026-W47", "--weeks", "0")]
    [InlineData("--weeks", "1 and 52", "metrics", "--team", "Workplace", "--week", "2026-W47", "--weeks", "60")]
    [InlineData("--weeks", "1 and 12", "staffing", "--weeks", "40")]
    [InlineData("--weeks", "1 and 12", "staffing", "--weeks", "0", "--output", "json")]
    [InlineData("--output", "table, json or csv", "overload", "--output", "xml")]
    [InlineData("--table", "csv", "roster", "show", "--output", "json", "--table", "agents")]
    [InlineData("--table", "points, scores", "forecast", "--team", "Workplace", "--output", "csv", "--table", "people")]
    public async Task OutOfRangeOption_ExitsTwo_WithOneLineNamingIt(string option, string range, params string[] args)
    {
        var run = await Run(args);

        Assert.True(run.Exit == 2, $"exit {run.Exit}\n{run.Out}\n{run.Error}");
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(option, line, StringComparison.Ordinal);
        Assert.Contains(range, line, StringComparison.Ordinal);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public async Task CtrlC_DuringTheFigures_EndsWithAMessage_Exit130_AndNoHalfDocument()
    {
        // An interrupt can only land after the command has said it started, and on a loaded machine the test
        // may hear that late: a command already done then rightly ends 0 with its whole document. Either way
        // no half document; and at least one of three tries must be a true interrupt.
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var (exit, rest, output) = await InterruptMetricsAsync();
            if (exit == 0)
            {
                using var whole = JsonDocument.Parse(output);
                Assert.Equal(JsonValueKind.Object, whole.RootElement.ValueKind);
                continue;
            }

            Assert.Equal(130, exit);
            Assert.Equal("metrics: cancelled.", rest.Trim());
            Assert.Equal("", output);
            return;
        }

        Assert.Fail("In three tries the interrupt never arrived while the figures were computed.");
    }

    private async Task<(int Exit, string Error, string Output)> InterruptMetricsAsync()
    {
        // The week is not over as of --as-of, so a warning on stderr says the command is past its start and
        // into the figures (52 weeks of them take a second or more): the interrupt arrives while they are computed.
        using var process = Process.Start(Start("metrics", "--team", "Workplace", "--week", "2026-W47", "--weeks", "52", "--as-of", "2026-11-20", "--output", "json"))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var warning = await process.StandardError.ReadLineAsync();
        Assert.StartsWith("warning:", warning, StringComparison.Ordinal);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        var rest = await process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, rest, await output);
    }

    /// <summary>The worker executable on the demo store, its standard output and standard error kept apart.</summary>
    private async Task<(int Exit, string Out, string Error)> Run(params string[] args)
    {
        using var process = Process.Start(Start(args))!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        var result = (process.ExitCode, await output, await error);
        if (result.ExitCode != 2)
        {
            Assert.True(result.ExitCode == 0, $"{string.Join(' ', args)}: exit {result.ExitCode}\n{result.Item3}");
        }

        return result;
    }

    private ProcessStartInfo Start(params string[] args)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = store.Folder.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "analytics-worker.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var key in start.Environment.Keys.Where(k => k.Contains("__", StringComparison.Ordinal)).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in TestSettings.Embedded(store.Folder.Path))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        return start;
    }

    private static string Count(JsonElement row, string name) => row.GetProperty(name).GetInt32().ToString("N0", CultureInfo.InvariantCulture);

    private static string Number(JsonElement row, string name) =>
        row.GetProperty(name) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble().ToString("0.0", CultureInfo.InvariantCulture) : "–";

    private static string Percent(JsonElement row, string name) =>
        row.GetProperty(name) is { ValueKind: JsonValueKind.Number } v ? v.GetDouble().ToString("0%", CultureInfo.InvariantCulture) : "–";

    private static List<string> Names(JsonElement row) => [.. row.EnumerateObject().Select(p => p.Name)];

    /// <summary>The cells of the table row whose first cell is <paramref name="first"/> (or its first words, where the table folds a long name).</summary>
    private static string[] Cells(string output, string first)
    {
        var rows = output.Split('\n').Where(l => l.TrimStart().StartsWith('│'))
            .Select(l => l.Split('│').Skip(1).SkipLast(1).Select(c => c.Trim()).ToArray()).Where(c => c.Length > 1 && c[0].Length > 0);
        return rows.First(c => c[0] == first || first.StartsWith(c[0] + " ", StringComparison.Ordinal) && c[1].Length > 0);
    }

    /// <summary>RFC 4180 records: fields split at commas outside quotes, "" inside quotes is one quote, CRLF ends a record.</summary>
    private static List<List<string>> Csv(string text)
    {
        Assert.EndsWith("\r\n", text, StringComparison.Ordinal);
        var records = new List<List<string>>();
        var record = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"' && field.Length == 0)
            {
                quoted = true;
            }
            else if (c == ',')
            {
                record.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                record.Add(field.ToString());
                field.Clear();
                records.Add(record);
                record = [];
                i++;
            }
            else
            {
                Assert.False(c is '"' or '\r' or '\n', $"'{c}' outside quotes at {i}");
                field.Append(c);
            }
        }

        Assert.True(records.Count > 0 && records.All(r => r.Count == records[0].Count), text);
        return records;
    }
}
