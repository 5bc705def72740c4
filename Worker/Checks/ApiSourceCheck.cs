using System.Globalization;
using Analytics.Import.Api;
using Analytics.Import.Sources;

namespace Worker.Checks;

/// <summary>
/// One API source: the system answers with these credentials, the changed records since the watermark can
/// be read and mapped (the first pages are counted, nothing is stored), and the roster can be read.
/// </summary>
public static class ApiSourceCheck
{
    /// <summary>Pages a check reads at most: enough to prove paging works without reading a year of history.</summary>
    public const int Pages = 3;

    public static async Task<CheckResult> RunAsync(ApiSourcePreview preview, TicketSourceOptions source, int index, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(source);
        var subject = $"source '{source.Name}'";
        try
        {
            var seen = await preview.ReadAsync(source, Pages, roster: true, sampleSize: 1, cancellationToken, maxRetries: 1);
            var c = CultureInfo.InvariantCulture;
            var count = seen.Complete
                ? string.Create(c, $"{seen.Records:N0} records changed since {seen.Since:yyyy-MM-dd HH:mm} UTC")
                : string.Create(c, $"at least {seen.Records:N0} records changed since {seen.Since:yyyy-MM-dd HH:mm} UTC (the first {Pages} pages read)");
            var sample = seen.Sample.Count > 0 ? "; e.g. " + ApiSampleText.Describe(seen.Sample[0]) : string.Empty;
            var roster = seen.RosterRows is > 0 ? string.Create(c, $"; roster: {seen.RosterRows} rows") : "; no roster readable";
            var message = $"{source.Provider} API reached at {source.Api.BaseUrl}; {count}{sample}{roster}.";
            if (seen.Problems > 0)
            {
                var first = seen.FirstProblems[0];
                return CheckResult.Warning(subject, message + string.Create(c, $" {seen.Problems:N0} of them cannot be read and would be quarantined, e.g. {first.RecordKey} field '{first.Field}': {first.Reason}"));
            }

            return CheckResult.Ok(subject, message);
        }
        catch (SourceQueryException ex)
        {
            return CheckResult.Failed(subject, $"{ex.Message} (settings: {SyncOptions.Section}:Sources:{index}:Api).");
        }
    }
}
