using System.ComponentModel.DataAnnotations;

namespace Analytics.Workload;

/// <summary>How workload is measured. Section "Workload".</summary>
public sealed class WorkloadOptions
{
    public const string Section = "Workload";

    /// <summary>Name under which department-wide figures appear. Default "Department".</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Workload:DepartmentName is required.")]
    public string DepartmentName { get; set; } = "Department";

    /// <summary>Time zone of the department's weeks and of teams the store does not know. Default Europe/Amsterdam.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Workload:TimeZone is required.")]
    public string TimeZone { get; set; } = "Europe/Amsterdam";

    /// <summary>Weeks of history before the first reported week used as each team's and agent's own baseline. Default 12.</summary>
    [Range(4, 104, ErrorMessage = "Workload:BaselineWeeks must be between {1} and {2}.")]
    public int BaselineWeeks { get; set; } = 12;

    /// <summary>Weeks averaged for the resolve rate behind "days to clear". Default 4.</summary>
    [Range(1, 26, ErrorMessage = "Workload:DaysToClearWeeks must be between {1} and {2}.")]
    public int DaysToClearWeeks { get; set; } = 4;
}
