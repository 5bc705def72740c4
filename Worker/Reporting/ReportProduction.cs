using Analytics.Calendar;
using Analytics.Privacy;
using Reports.Documents;

namespace Worker.Reporting;

/// <summary>
/// Produces a week's reports for every scope (the department and each team): the weekly workload
/// report, the appreciation summary and the staffing forecast, written as PDF files under the output folder.
/// </summary>
public sealed class ReportProduction(ReportModelBuilder models, ReportRenderer renderer)
{
    public async Task<IReadOnlyList<RenderedReport>> ProduceAsync(IsoWeek week, string outputFolder, CancellationToken cancellationToken)
    {
        var inputs = await models.LoadAsync(week, cancellationToken);
        var folder = Directory.CreateDirectory(Path.Combine(outputFolder, week.ToString())).FullName;
        var reports = new List<RenderedReport>();
        foreach (var scope in inputs.Scopes)
        {
            cancellationToken.ThrowIfCancellationRequested();
            reports.Add(renderer.Weekly(await models.WeeklyAsync(inputs, scope, cancellationToken)));
            reports.Add(renderer.Appreciation(await models.AppreciationAsync(inputs, scope, cancellationToken)));
            reports.Add(renderer.Staffing(await models.StaffingAsync(inputs, scope, cancellationToken)));
        }

        foreach (var report in reports)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, report.FileName), report.Pdf, cancellationToken);
        }

        return reports;
    }

    /// <summary>One report for one scope, for the CLI.</summary>
    public async Task<RenderedReport> ProduceOneAsync(ReportKind kind, ReportScope scope, IsoWeek week, CancellationToken cancellationToken)
    {
        var inputs = await models.LoadAsync(week, cancellationToken);
        return kind switch
        {
            ReportKind.Weekly => renderer.Weekly(await models.WeeklyAsync(inputs, scope, cancellationToken)),
            ReportKind.Appreciation => renderer.Appreciation(await models.AppreciationAsync(inputs, scope, cancellationToken)),
            _ => renderer.Staffing(await models.StaffingAsync(inputs, scope, cancellationToken)),
        };
    }
}
