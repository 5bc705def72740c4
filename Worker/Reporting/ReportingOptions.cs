using System.ComponentModel.DataAnnotations;

namespace Worker.Reporting;

/// <summary>Where reports are kept. Section "Reporting".</summary>
public sealed class ReportingOptions
{
    public const string Section = "Reporting";

    /// <summary>Folder for the PDFs, one subfolder per week. Default out/reports (relative to the working directory).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Reporting:OutputFolder is required.")]
    public string OutputFolder { get; set; } = "out/reports";
}
