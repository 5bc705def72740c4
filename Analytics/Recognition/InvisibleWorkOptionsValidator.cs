using Microsoft.Extensions.Options;

namespace Analytics.Recognition;

/// <summary>Checks the classification rules' patterns at start rather than at the first report.</summary>
public sealed class InvisibleWorkOptionsValidator : IValidateOptions<InvisibleWorkOptions>
{
    public ValidateOptionsResult Validate(string? name, InvisibleWorkOptions options)
    {
        try
        {
            _ = new WorkClassifier(Options.Create(options));
            return ValidateOptionsResult.Success;
        }
        catch (OptionsValidationException ex)
        {
            return ValidateOptionsResult.Fail(ex.Failures);
        }
    }
}
