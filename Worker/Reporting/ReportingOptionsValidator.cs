using Microsoft.Extensions.Options;
using Reports.Text;
using Worker.Delivery;

namespace Worker.Reporting;

/// <summary>Checks Reporting:Language at start: a language the reports have texts for.</summary>
public sealed class ReportingOptionsValidator : IValidateOptions<ReportingOptions>
{
    public ValidateOptionsResult Validate(string? name, ReportingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Wording.IsSupported(options.Language)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(DeliveryOptionsValidator.LanguageProblem($"{ReportingOptions.Section}:Language", options.Language));
    }
}
