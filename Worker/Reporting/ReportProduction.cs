using Analytics.Calendar;
using Analytics.Privacy;
using Microsoft.Extensions.Logging;
using Reports.Documents;
using Worker.Telemetry;

namespace Worker.Reporting;

/// <summary>
/// Produces a week's reports for every scope (the department and each team): the weekly workload
/// report, the appreciation summary and the staffing forecast, written as PDF files under the output folder.
/// One report that cannot be produced (its data breaks the renderer, its file cannot be written) is logged,
/// counted and listed in the result; the other scopes' reports are produced all the same.
/// </summary>
public sealed class ReportProduction(ReportModelBuilder models, ReportRenderer renderer, ReportMetrics metrics, ILogger<ReportProduction> logger)
{
    private static readonly ReportKind[] Kinds = [ReportKind.Weekly, ReportKind.Appreciation, ReportKind.Staffing];

    public async Task<ProducedReports> ProduceAsync(IsoWeek week, string outputFolder, CancellationToken cancellationToken)
    {
        // The week's shared inputs feed every report: if they cannot be read, nothing can be produced, and that is the run's failure.
        using var run = WorkerActivities.Source.StartActivity("reports")?.SetTag("week", week.ToString());
        var inputs = await models.LoadAsync(week, cancellationToken);
        var folder = Directory.CreateDirectory(Path.Combine(outputFolder, week.ToString())).FullName;
        var scopes = inputs.Scopes.ToList();
        var names = ReportFileNames.For(scopes);
        var reports = new List<RenderedReport>();
        var failures = new List<ReportFailure>();
        foreach (var scope in scopes)
        {
            foreach (var kind in Kinds)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using var activity = WorkerActivities.Source.StartActivity($"report {KindName(kind)}")?.SetTag("report", KindName(kind)).SetTag("scope", ScopeName(scope)).SetTag("week", week.ToString());
                try
                {
                    var report = await RenderAsync(kind, inputs, scope, cancellationToken) with { FileName = names.FileName(kind, scope, week) };
                    var (written, pdf) = await ReportFileWriter.WriteOnceAsync(folder, report.FileName, report.Pdf, cancellationToken);
                    if (!written)
                    {
                        Log.ReportKept(logger, week, report.FileName);
                    }

                    // The mail attaches the file in the folder, so what readers get is what the folder keeps.
                    reports.Add(report with { Pdf = pdf });
                    metrics.Report(kind, written ? "written" : "kept");
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                {
                    Log.ReportFailed(logger, week, KindName(kind), ScopeName(scope), ex.Message, ex);
                    metrics.Report(kind, "failed");
                    failures.Add(new ReportFailure(kind, scope, ex.Message));
                }
            }
        }

        return new ProducedReports(folder, reports, failures);
    }

    /// <summary>One report for one scope, for the CLI.</summary>
    public async Task<RenderedReport> ProduceOneAsync(ReportKind kind, ReportScope scope, IsoWeek week, CancellationToken cancellationToken)
    {
        var inputs = await models.LoadAsync(week, cancellationToken);
        var report = await RenderAsync(kind, inputs, scope, cancellationToken);
        return report with { FileName = ReportFileNames.For([scope]).FileName(kind, scope, week) };
    }

    private async Task<RenderedReport> RenderAsync(ReportKind kind, ReportInputs inputs, ReportScope scope, CancellationToken cancellationToken) => kind switch
    {
        ReportKind.Weekly => renderer.Weekly(await models.WeeklyAsync(inputs, scope, cancellationToken)),
        ReportKind.Appreciation => renderer.Appreciation(await models.AppreciationAsync(inputs, scope, cancellationToken)),
        _ => renderer.Staffing(await models.StaffingAsync(inputs, scope, cancellationToken)),
    };

    internal static string KindName(ReportKind kind) => kind.ToString().ToLowerInvariant();

    internal static string ScopeName(ReportScope scope) => scope switch
    {
        DepartmentScope => "the department",
        TeamScope team => $"team '{Printable(team.Team)}'",
        _ => Printable(scope.Key),
    };

    /// <summary>A name from the data as it may appear in a log line or a job summary: no control characters (escape codes), at most 80 characters.</summary>
    private static string Printable(string name)
    {
        var clean = string.Concat(name.Select(c => char.IsControl(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format ? '?' : c));
        return clean.Length <= 80 ? clean : clean[..79] + "\u2026";
    }
}

/// <summary>A report that could not be produced, and why.</summary>
public sealed record ReportFailure(ReportKind Kind, ReportScope Scope, string Reason)
{
    public override string ToString() => $"{ReportProduction.KindName(Kind)} for {ReportProduction.ScopeName(Scope)}: {Reason}";
}

/// <summary>A run's reports: those in the folder (written now or kept from an earlier run) and those that failed.</summary>
public sealed record ProducedReports(string Folder, IReadOnlyList<RenderedReport> Reports, IReadOnlyList<ReportFailure> Failures);
