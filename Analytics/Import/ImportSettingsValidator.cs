using Microsoft.Extensions.Options;

namespace Analytics.Import;

/// <summary>Checks the import settings at start, naming each bad setting by its configuration path.</summary>
public sealed class ImportSettingsValidator : IValidateOptions<ImportSettings>
{
    public ValidateOptionsResult Validate(string? name, ImportSettings options)
    {
        ArgumentNullException.ThrowIfNull(options);

        // The binder turns "7" into an enum value nobody defined; only the names mean something.
        return Enum.IsDefined(options.FutureTimes)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail($"{ImportSettings.Section}:FutureTimes: '{options.FutureTimes}' must be Quarantine or Keep.");
    }
}
