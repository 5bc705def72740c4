using System.ComponentModel.DataAnnotations;

namespace Analytics.Privacy;

/// <summary>Rules for staff data. Section "Privacy".</summary>
public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>Figures over fewer people than this are suppressed outside the team's own manager's view. Default 3.</summary>
    [Range(1, 100, ErrorMessage = "Privacy:MinimumGroupSize must be between {1} and {2}.")]
    public int MinimumGroupSize { get; set; } = 3;

    /// <summary>Replacement for a colleague's name removed from quoted text. Default "[colleague]".</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Privacy:NameReplacement is required.")]
    public string NameReplacement { get; set; } = "[colleague]";
}
