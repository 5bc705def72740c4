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

    /// <summary>"weekly-workplace-2026-W47.pdf": kind, scope and week, in characters any file system accepts.</summary>
    public static string FileName(ReportKind kind, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var scope = context.Scope switch
        {
            DepartmentScope => "department",
            AgentScope a => "agent-" + Slug(a.Agent),
            _ => Slug(context.Subject),
        };
        return string.Create(CultureInfo.InvariantCulture, $"{kind.ToString().ToLowerInvariant()}-{scope}-{context.Week}.pdf");
    }

    private static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (char.IsWhiteSpace(c) || c is '-' or '_' or '&')
            {
                if (builder.Length > 0 && builder[^1] != '-')
                {
                    builder.Append('-');
                }
            }
        }

        return builder.ToString().Trim('-') is { Length: > 0 } slug ? slug : "report";
    }
}
