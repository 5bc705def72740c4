using System.Globalization;
using System.Text;
using Analytics.Privacy;
using Reports.Email;
using Reports.Layout;

namespace Reports.Documents;

/// <summary>Composes, renders and writes the mail body of each report kind. Thread-safe.</summary>
public sealed class ReportRenderer(ReportFonts fonts, TimeProvider time)
{
    private readonly PdfReportRenderer _pdf = new(fonts, time);

    public RenderedReport Weekly(WeeklyReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (pdf, pages) = Render(WeeklyWorkloadReport.Compose(model, fonts));
        return new RenderedReport(ReportKind.Weekly, model.Context.Scope, model.Context.Subject, model.Context.Week, FileName(ReportKind.Weekly, model.Context), pdf, pages, WeeklyEmail.Compose(model, fonts, pages));
    }

    public RenderedReport Appreciation(AppreciationReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (pdf, pages) = Render(AppreciationReport.Compose(model, fonts));
        return new RenderedReport(ReportKind.Appreciation, model.Context.Scope, model.Context.Subject, model.Context.Week, FileName(ReportKind.Appreciation, model.Context), pdf, pages, AppreciationEmail.Compose(model, fonts, pages));
    }

    public RenderedReport Staffing(StaffingReportModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var (pdf, pages) = Render(StaffingReport.Compose(model, fonts));
        return new RenderedReport(ReportKind.Staffing, model.Context.Scope, model.Context.Subject, model.Context.Week, FileName(ReportKind.Staffing, model.Context), pdf, pages, StaffingEmail.Compose(model, fonts, pages));
    }

    private (byte[] Pdf, int Pages) Render(ReportDocument document) => _pdf.RenderCounted(document);

    /// <summary>"weekly-workplace-2026-W47.pdf", named as a run of this one scope names it (see <see cref="ReportFileNames"/>).</summary>
    public static string FileName(ReportKind kind, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ReportFileNames.For([context.Scope]).FileName(kind, context.Scope, context.Week);
    }
}
