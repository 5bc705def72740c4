using Analytics.Import.Sources;
using Analytics.Roster;
using Analytics.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Worker.Delivery;

namespace Worker.Checks;

/// <summary>
/// Every check of <c>check</c>, in the order a fix needs: the store, the sources, the mail, then what the store
/// holds (freshness, teams, roster). Each result is written as soon as it is known, so a slow server shows where.
/// </summary>
public sealed class InstallationCheck(IServiceProvider services, CheckOptions options)
{
    public async Task<IReadOnlyList<CheckResult>> RunAsync(string? testMailTo, Action<CheckResult> report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var results = new List<CheckResult>();
        void Add(CheckResult result)
        {
            results.Add(result);
            report(result);
        }

        var store = services.GetRequiredService<IOptions<StoreOptions>>().Value;
        var storeResult = await StoreCheck.RunAsync(store, cancellationToken);
        Add(storeResult);

        var sync = services.GetRequiredService<IOptions<SyncOptions>>().Value;
        for (var i = 0; i < sync.Sources.Count; i++)
        {
            if (!sync.Sources[i].Enabled)
            {
                continue;
            }

            Add(sync.Sources[i].Provider.IsApi()
                ? await ApiSourceCheck.RunAsync(services.GetRequiredService<Analytics.Import.Api.ApiSourcePreview>(), sync.Sources[i], i, cancellationToken)
                : await SourceCheck.RunAsync(sync.Sources[i], i, sync.QueryTimeout, cancellationToken));
        }

        var import = services.GetRequiredService<IOptions<Analytics.Import.ImportSettings>>().Value;
        for (var i = 0; i < import.Folders.Count; i++)
        {
            Add(FolderCheck.Run(import.Folders[i], i));
        }

        var delivery = services.GetRequiredService<IOptions<DeliveryOptions>>().Value;
        var transport = services.GetRequiredService<IMailTransport>();
        var time = services.GetRequiredService<TimeProvider>();
        Add(await MailTransportCheck.RunAsync(transport, delivery, cancellationToken));
        if (testMailTo is not null)
        {
            Add(await MailTransportCheck.SendTestMailAsync(transport, services.GetRequiredService<MailComposer>(), delivery, testMailTo, time, cancellationToken));
        }

        if (storeResult.Status != CheckStatus.Ok)
        {
            Add(CheckResult.Skipped("data, teams, roster", "not checked: they are read from the store, which failed above."));
            return results;
        }

        var now = time.GetUtcNow();
        foreach (var result in await DataFreshnessCheck.RunAsync(services.GetRequiredService<IDbConnectionFactory>(), sync, options, now, cancellationToken))
        {
            Add(result);
        }

        var roster = await services.GetRequiredService<RosterReader>().ReadAsync(now, cancellationToken);
        foreach (var result in RosterCheck.Run(roster, services.GetRequiredService<RecipientDirectory>()))
        {
            Add(result);
        }

        return results;
    }
}
