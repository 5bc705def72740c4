using System.ComponentModel.DataAnnotations;

namespace Worker.Reporting;

/// <summary>Where reports are kept and the language they are written in. Section "Reporting".</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>Folder for the PDFs, one subfolder per week. Default out/reports (relative to the working directory).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Reporting:OutputFolder is required.")]
    public string OutputFolder { get; set; } = "out/reports";

    /// <summary>
    /// The language of reports and their mails: "en" (default) or "nl". A team's recipients
    /// (Delivery:Teams:&lt;team&gt;:Language) and the department's (Delivery:Department:Language) may have their own.
    /// </summary>
    public string Language { get; set; } = "en";
}
