using System.Text;

namespace Analytics.Import;

/// <summary>How to read one export file. Everything is detected unless set.</summary>
public sealed record ImportOptions
{
    /// <summary>Profile name: servicenow, jira, topdesk, zendesk or generic.</summary>
    public required string Profile { get; init; }

    /// <summary>Mapping file for the generic profile.</summary>
    public string? MappingFile { get; init; }

    /// <summary>Source name stored with the tickets; default: the profile name.</summary>
    public string? Source { get; init; }

    /// <summary>Date layout override ("iso", "d/M/yyyy", "dd-MM-yyyy", "M/d/yyyy", or a .NET format).</summary>
    public string? DateFormat { get; init; }

    /// <summary>Time zone of the export's wall-clock times; default: each ticket's team's zone.</summary>
    public string? TimeZone { get; init; }

    /// <summary>Zone for teams the store does not know.</summary>
    public string DefaultTimeZone { get; init; } = "Europe/Amsterdam";

    public Encoding? Encoding { get; init; }

    public char? Delimiter { get; init; }

    public int BatchSize { get; init; } = 2_000;
}
