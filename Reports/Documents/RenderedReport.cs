using Analytics.Calendar;
using Analytics.Privacy;
using Reports.Email;

namespace Reports.Documents;

/// <summary>A report ready to store or send: the PDF, its file name, and the mail body that goes with it.</summary>
public sealed record RenderedReport(ReportKind Kind, ReportScope Scope, string Subject, IsoWeek Week, string FileName, byte[] Pdf, int Pages, EmailBody Email);
