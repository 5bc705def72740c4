using Microsoft.Extensions.Hosting;
using System.CommandLine;
using System.Globalization;
using Analytics.Forecasting;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Worker.Cli;

/// <summary>
/// <c>forecast --team T [--weekly] [--retrain]</c>: a team's forecast with its 80% and 95% intervals and the
/// backtest scores behind it, from the last good model. <c>--backtest-csv FILE</c> instead trains on the history up
/// to the last complete day (in memory, nothing stored) and writes every backtest point of the chosen methods.
/// </summary>
public static class ForecastCommand
{
    /// <summary>Exit code when there is no model (and --retrain was not given) or the team has no series.</summary>
    public const int NothingToShow = 1;

    /// <summary>Exit code for a team the forecast has no series of: bad usage, as for every command.</summary>
    public const int UnknownTeam = 2;

    public static Command Create(Action<IHostApplicationBuilder> compose)
    {
        var team = new Option<string>("--team", "-t") { Description = "The team (as in the store); 'department' for all teams together.", Required = true };
        var weekly = new Option<bool>("--weekly") { Description = "Weekly forecast (12 ISO weeks) instead of daily (14 days)." };
        var retrain = new Option<bool>("--retrain") { Description = "Train the models on the store's history first (as the nightly job does)." };
        var asOf = CliAsOf.Option();
        var backtestCsv = new Option<string?>("--backtest-csv")
        {
            Description = "Write every backtest point of the chosen forecast (series, origin, date, step, actual, forecast, lo80, hi80, lo95, hi95, method) "
                + "to this CSV file instead of printing the forecast: the team's series and its breakdowns, or every series for 'department'. "
                + "Trains on the history up to the last complete day (as of --as-of) without storing a model.",
            HelpName = "FILE",
        };
        var output = OutputOptions.Format();
        var table = OutputOptions.Table("points", "scores");
        var command = new Command("forecast", "Print a team's ticket forecast with prediction intervals and backtest accuracy.") { team, weekly, retrain, asOf, backtestCsv, output, table };
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (!OutputOptions.TryResolve("forecast", parse.GetValue(output), out var format) || !OutputOptions.CheckTable("forecast", parse.GetValue(table), format))
            {
                return 2;
            }

            if (parse.GetValue(retrain) && parse.GetValue(asOf) is not null)
            {
                await Console.Error.WriteLineAsync("forecast: --retrain trains the stored models on the whole history; with --as-of the forecast trains a model of its own on the history up to then, so leave --retrain out.");
                return 2;
            }

            var frequency = parse.GetValue(weekly) ? SeriesFrequency.Weekly : SeriesFrequency.Daily;
            if (parse.GetValue(backtestCsv) is { } csv)
            {
                if (parse.GetValue(retrain))
                {
                    await Console.Error.WriteLineAsync("forecast: --backtest-csv trains a model of its own on the history (nothing is stored), so leave --retrain out.");
                    return 2;
                }

                if (format != OutputFormat.Table)
                {
                    await Console.Error.WriteLineAsync("forecast: --backtest-csv writes its own file; leave --output out.");
                    return 2;
                }

                return await BacktestCsvAsync(compose, parse.GetRequiredValue(team), frequency, csv, parse.GetValue(asOf), cancellationToken);
            }

            return await RunAsync(compose, parse.GetRequiredValue(team), parse.GetValue(weekly), parse.GetValue(retrain), parse.GetValue(asOf), (format, parse.GetValue(table)), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(
        Action<IHostApplicationBuilder> compose, string team, bool weekly, bool retrain, string? asOf, (OutputFormat Format, string? Table) output, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build(compose, asOf);
        if (host is null)
        {
            return 2;
        }

        if (retrain)
        {
            // The spinner belongs beside the tables; a script reading the document hears of the training on stderr.
            var trainer = host.Services.GetRequiredService<ForecastTrainer>();
            if (output.Format != OutputFormat.Table)
            {
                await Console.Error.WriteLineAsync("forecast: training the forecast models.");
            }

            var trained = output.Format == OutputFormat.Table
                ? await AnsiConsole.Status().StartAsync("Training the forecast models", _ => trainer.RetrainAsync(cancellationToken))
                : await trainer.RetrainAsync(cancellationToken);
            if (trained.Count == 0)
            {
                await Console.Error.WriteLineAsync("forecast: the store holds no ticket history to train on.");
                return NothingToShow;
            }
        }

        var frequency = weekly ? SeriesFrequency.Weekly : SeriesFrequency.Daily;
        var set = await host.Services.GetRequiredService<ForecastService>().ForecastAsync(frequency, cancellationToken);
        if (set is null)
        {
            await Console.Error.WriteLineAsync("forecast: no forecast model has been trained yet; run with --retrain (or wait for the nightly retraining).");
            return NothingToShow;
        }

        var series = string.Equals(team, "department", StringComparison.OrdinalIgnoreCase) ? set.Department : set.ForTeam(team);
        if (series is null)
        {
            var teams = string.Join(", ", set.Series.Where(s => s.Key.Level == SeriesLevel.Team).Select(s => s.Key.Team));
            await Console.Error.WriteLineAsync($"forecast: no series for team '{team}'. Teams: {teams}.");
            return UnknownTeam;
        }

        if (output.Format != OutputFormat.Table)
        {
            return OutputWriter.Write("forecast", Document(set, series), output.Format, output.Table);
        }

        Print(set, series);
        return 0;
    }

    /// <summary>The forecast and its backtest scores unrounded; coverage is a fraction, null when the backtest has no point to cover.</summary>
    private static OutputDocument Document(ForecastSet set, SeriesForecast series)
    {
        var model = set.Model;
        var backtest = series.Backtest is { Scores.Count: > 0 } b ? b : null;
        var document = new OutputDocument()
            .Property("series", series.Key.ToString())
            .Property("team", series.Key.Team)
            .Property("frequency", series.Frequency == SeriesFrequency.Daily ? "daily" : "weekly")
            .Property("origin", series.Origin)
            .Property("method", JsonName(series.Method))
            .Property("methodReason", series.Reason)
            .Property("modelTrainedAt", model.CreatedAt)
            .Property("dataFrom", model.DataFrom)
            .Property("dataTo", model.DataTo)
            .Property("backtestOrigins", backtest is null ? null : model.BacktestOrigins.Count)
            .Property("coverage80", backtest is { CoveragePoints: > 0 } c80 ? (double)c80.Covered80 / c80.CoveragePoints : null)
            .Property("coverage95", backtest is { CoveragePoints: > 0 } c95 ? (double)c95.Covered95 / c95.CoveragePoints : null);
        var points = document.Table("points", "date", "week", "forecast", "lower80", "upper80", "lower95", "upper95");
        foreach (var p in series.Points)
        {
            points.Add(p.Date, Analytics.Calendar.IsoWeek.Of(p.Date), p.Forecast, p.Lower80, p.Upper80, p.Lower95, p.Upper95);
        }

        var scores = document.Table("scores", "method", "chosen", "mase", "smape", "relativeBias", "mae");
        foreach (var s in backtest?.Scores ?? [])
        {
            scores.Add(JsonName(s.Method), s.Method == backtest!.Chosen, s.Scores.Mase, s.Scores.Smape, s.Scores.RelativeBias, s.Scores.Mae);
        }

        return document;
    }

    /// <summary>A method's stable name in a document (camelCase of the enum), not the sentence the table prints.</summary>
    private static string JsonName(ForecastMethod method)
    {
        var name = method.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    private static async Task<int> BacktestCsvAsync(Action<IHostApplicationBuilder> compose, string team, SeriesFrequency frequency, string path, string? asOf, CancellationToken cancellationToken)
    {
        using var host = CliHost.Build(compose, asOf);
        if (host is null)
        {
            return 2;
        }

        // The file is opened before the backtest, which takes a while: a path that cannot be written is said at once.
        var fullPath = path;
        FileStream file;
        try
        {
            fullPath = Path.GetFullPath(path);
            file = new FileStream(fullPath, FileMode.Create, FileAccess.Write, FileShare.Read);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await Console.Error.WriteLineAsync($"forecast: cannot write the backtest CSV '{path}': {ex.Message}");
            return 2;
        }

        var written = false;
        try
        {
            BacktestRun run;
            try
            {
                // A spinner on a terminal only: redirected, the command's output is the one line below.
                var service = host.Services.GetRequiredService<ForecastService>();
                run = AnsiConsole.Profile.Capabilities.Interactive
                    ? await AnsiConsole.Status().StartAsync("Backtesting the forecast", _ => service.BacktestAsync(frequency, cancellationToken))
                    : await service.BacktestAsync(frequency, cancellationToken);
            }
            catch (ArgumentException ex) when (ex.ParamName == "series")
            {
                // The engine has no series to train on: the store holds no ticket up to the last complete day.
                await Console.Error.WriteLineAsync("forecast: the store holds no ticket history to backtest.");
                return NothingToShow;
            }

            IEnumerable<BacktestRecord> records;
            if (string.Equals(team, "department", StringComparison.OrdinalIgnoreCase))
            {
                records = run.Records;
            }
            else
            {
                var teams = run.Metadata.Series.Where(s => s.Key.Level == SeriesLevel.Team).Select(s => s.Key.Team!).ToList();
                if (!teams.Contains(team, StringComparer.Ordinal))
                {
                    await Console.Error.WriteLineAsync($"forecast: no series for team '{team}'. Teams: {string.Join(", ", teams)}.");
                    return UnknownTeam;
                }

                records = run.Records.Where(r => string.Equals(r.Series.Team, team, StringComparison.Ordinal));
            }

            int count;
            await using (var writer = new StreamWriter(file, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false)))
            {
                count = BacktestCsv.Write(writer, records);
            }

            written = true;
            var origins = run.Metadata.BacktestOrigins;
            var unit = frequency == SeriesFrequency.Daily ? "days" : "weeks";
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {count:N0} backtest points ({origins.Count} origins {origins[0]:yyyy-MM-dd} to {origins[^1]:yyyy-MM-dd}, {run.Metadata.Horizon} {unit} ahead) to {fullPath}")));
            if (count == 0)
            {
                await Console.Error.WriteLineAsync("forecast: no series has enough history for a backtest; the CSV holds only its header.");
                return NothingToShow;
            }

            return 0;
        }
        finally
        {
            await file.DisposeAsync();
            if (!written)
            {
                // Only the header-less, empty file opened above: nothing half-written is left behind.
                File.Delete(fullPath);
            }
        }
    }

    private static void Print(ForecastSet set, SeriesForecast series)
    {
        var model = set.Model;
        AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
            $"{series.Key} - {(series.Frequency == SeriesFrequency.Daily ? $"daily incoming tickets after {series.Origin:yyyy-MM-dd}" : $"weekly incoming tickets after {Analytics.Calendar.IsoWeek.Of(series.Origin)}")}; model trained {model.CreatedAt:yyyy-MM-dd HH:mm} UTC ({Age(set.ModelAge)} ago) on {model.DataFrom:yyyy-MM-dd} to {model.DataTo:yyyy-MM-dd}")));
        AnsiConsole.MarkupLine(Markup.Escape($"method: {ForecastMethodName(series.Method)} ({series.Reason})"));

        var table = new Table().AddColumns(series.Frequency == SeriesFrequency.Daily ? "day" : "week", "forecast", "80% interval", "95% interval");
        foreach (var p in series.Points)
        {
            var label = series.Frequency == SeriesFrequency.Daily
                ? p.Date.ToString("ddd yyyy-MM-dd", CultureInfo.InvariantCulture)
                : Analytics.Calendar.IsoWeek.Of(p.Date).ToString();
            table.AddRow(label, F(p.Forecast), $"{F(p.Lower80)} - {F(p.Upper80)}", $"{F(p.Lower95)} - {F(p.Upper95)}");
        }

        AnsiConsole.Write(table);
        if (series.Backtest is { Scores.Count: > 0 } backtest)
        {
            AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                $"Backtest: {model.BacktestOrigins.Count} origins ({model.BacktestOrigins[0]:yyyy-MM-dd} to {model.BacktestOrigins[^1]:yyyy-MM-dd}), {model.Horizon} {(series.Frequency == SeriesFrequency.Daily ? "days" : "weeks")} ahead each")));
            var scores = new Table().AddColumns("method", "MASE", "sMAPE", "bias", "MAE");
            foreach (var s in backtest.Scores)
            {
                var chosen = s.Method == backtest.Chosen ? " (chosen)" : "";
                scores.AddRow(
                    ForecastMethodName(s.Method) + chosen,
                    s.Scores.Mase is { } mase ? mase.ToString("0.000", CultureInfo.InvariantCulture) : "-",
                    s.Scores.Smape.ToString("0.000", CultureInfo.InvariantCulture),
                    s.Scores.RelativeBias.ToString("+0.0%;-0.0%", CultureInfo.InvariantCulture),
                    s.Scores.Mae.ToString("0.0", CultureInfo.InvariantCulture));
            }

            AnsiConsole.Write(scores);
            if (backtest.CoveragePoints > 0)
            {
                AnsiConsole.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture,
                    $"Interval coverage in the backtest: 80% interval {(double)backtest.Covered80 / backtest.CoveragePoints:P0}, 95% interval {(double)backtest.Covered95 / backtest.CoveragePoints:P0} of {backtest.CoveragePoints} forecasts")));
            }
        }
        else
        {
            AnsiConsole.MarkupLine("No backtest for this series yet: it is too young.");
        }
    }

    internal static string ForecastMethodName(ForecastMethod method) => method switch
    {
        ForecastMethod.Model => "ML.NET model",
        ForecastMethod.Ets => "exponential smoothing (damped trend, season)",
        ForecastMethod.Combined => "ML.NET model and exponential smoothing, averaged",
        ForecastMethod.SeasonalNaive => "seasonal naive",
        _ => "moving average",
    };

    internal static string Age(TimeSpan age) => age.TotalHours < 48
        ? string.Create(CultureInfo.InvariantCulture, $"{age.TotalHours:0} h")
        : string.Create(CultureInfo.InvariantCulture, $"{age.TotalDays:0} days");

    private static string F(double value) => value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture);
}
