using Microsoft.Data.Sqlite;
using Worker.Cli;

namespace Worker.Tests.Cli;

/// <summary>The forecast and staffing commands on a store without history or model: exit codes and what they tell the operator.</summary>
[Collection(CliEnvironmentDefinition.Name)]
public sealed class ForecastCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "worker-tests", Guid.NewGuid().ToString("N"));

    public ForecastCommandTests()
    {
        Directory.CreateDirectory(_folder);
        Environment.SetEnvironmentVariable("Store__ConnectionString", $"Data Source={Path.Combine(_folder, "store.db")};Pooling=False");
    }

    [Fact]
    public async Task Forecast_NoModelYet_ExitsOneAndSaysHowToTrain()
    {
        var (exit, error) = await RunAsync("forecast", "--team", "Service Desk");

        Assert.Equal(ForecastCommand.NothingToShow, exit);
        Assert.Contains("no forecast model has been trained yet", error, StringComparison.Ordinal);
        Assert.Contains("--retrain", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forecast_RetrainOnEmptyStore_ExitsOneAndSaysThereIsNoHistory()
    {
        var (exit, error) = await RunAsync("forecast", "--team", "Service Desk", "--retrain");

        Assert.Equal(ForecastCommand.NothingToShow, exit);
        Assert.Contains("no ticket history", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForecastBacktestCsv_PathThatCannotBeWritten_ExitsTwoWithOneLine()
    {
        var path = Path.Combine(_folder, "no such folder", "backtest.csv");

        var (exit, error) = await RunAsync("forecast", "--team", "department", "--backtest-csv", path);

        Assert.Equal(2, exit);
        Assert.StartsWith("forecast: cannot write the backtest CSV", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task ForecastBacktestCsv_EmptyStore_ExitsOneAndLeavesNoFile()
    {
        var path = Path.Combine(_folder, "backtest.csv");

        var (exit, error) = await RunAsync("forecast", "--team", "department", "--backtest-csv", path);

        Assert.Equal(ForecastCommand.NothingToShow, exit);
        Assert.Contains("no ticket history to backtest", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Staffing_NoModelYet_ExitsOne()
    {
        var (exit, error) = await RunAsync("staffing", "--weeks", "12");

        Assert.Equal(ForecastCommand.NothingToShow, exit);
        Assert.Contains("no forecast model", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Staffing_WeeksOutOfRange_IsAMessageNotACrash()
    {
        var (exit, error) = await RunAsync("staffing", "--weeks", "0");

        Assert.Equal(2, exit);
        Assert.Contains("--weeks", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    private static Task<(int Exit, string Error)> RunAsync(params string[] args) => InProcessCli.RunAsync(args);

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("Store__ConnectionString", null);
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}
