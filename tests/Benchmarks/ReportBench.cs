using System.Diagnostics;
using System.Globalization;
using Analytics;
using Analytics.Calendar;
using Analytics.Demo;
using Analytics.Forecasting;
using Analytics.Privacy;
using Analytics.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Reports;
using Reports.Documents;
using Reports.Layout;
using Worker.Reporting;

namespace Benchmarks;

/// <summary>
/// Renders the weekly team report of the demo department's overloaded team, warm: <c>report [--runs 20]</c>.
/// The demo store (two years, forecasts trained) is built once under the temp folder. Prints the PDF's
/// pages, charts and size, and the render time per run (median and slowest) for the PDF alone and for
/// the PDF with its mail body (which draws a chart as PNG).
/// </summary>
internal static class ReportBench
{
    private static readonly IsoWeek Week = new(2026, 47);

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = args.Length >= 2 && args[0] == "--runs" ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var path = Path.Combine(Path.GetTempPath(), "analytics-report-bench.db");
        await using var services = Services(path);
        if (!File.Exists(path + ".ready"))
        {
            Console.WriteLine($"Building the demo store in {path} (once) ...");
            SchemaMigrator.Migrate(services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StoreOptions>>().Value);
            var data = services.GetRequiredService<DemoDataGenerator>().Generate(new DemoOptions { LastDay = Week.Sunday });
            await services.GetRequiredService<DemoDataLoader>().LoadAsync(data, "demo", null, CancellationToken.None);
            await services.GetRequiredService<ForecastTrainer>().RetrainAsync(CancellationToken.None);
            await File.WriteAllTextAsync(path + ".ready", "");
        }

        var builder = services.GetRequiredService<ReportModelBuilder>();
        var inputs = await builder.LoadAsync(Week, CancellationToken.None);
        var model = await builder.WeeklyAsync(inputs, ReportScope.ForTeam("Workplace"), CancellationToken.None);
        var fonts = services.GetRequiredService<ReportFonts>();
        var pdf = new PdfReportRenderer(fonts, TimeProvider.System);
        var full = services.GetRequiredService<ReportRenderer>();

        var document = WeeklyWorkloadReport.Compose(model, fonts);
        var charts = document.Blocks.OfType<ChartSlot>().Count();
        for (var i = 0; i < 3; i++)
        {
            pdf.RenderCounted(WeeklyWorkloadReport.Compose(model, fonts));
            full.Weekly(model);
        }

        var pdfTimes = Measure(runs, () => pdf.RenderCounted(WeeklyWorkloadReport.Compose(model, fonts)));
        var fullTimes = Measure(runs, () => full.Weekly(model));
        var (bytes, pages) = pdf.RenderCounted(document);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"weekly team report (Workplace, {Week}): {pages} pages, {charts} charts, {bytes.Length / 1024.0:N0} KiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  PDF only:           median {Median(pdfTimes):N0} ms, slowest {pdfTimes.Max():N0} ms over {runs} warm runs"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  PDF and mail body:  median {Median(fullTimes):N0} ms, slowest {fullTimes.Max():N0} ms over {runs} warm runs"));
        SqliteConnection.ClearAllPools();
        return 0;
    }

    private static ServiceProvider Services(string path)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Store:ConnectionString"] = $"Data Source={path}",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging();
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section);
        services.AddAnalytics();
        services.AddReports();
        services.AddSingleton<ReportModelBuilder>();
        return services.BuildServiceProvider();
    }

    private static List<double> Measure(int runs, Action render)
    {
        var times = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var clock = Stopwatch.StartNew();
            render();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }

        return times;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
