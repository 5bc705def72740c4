using Analytics.Import.Api;
using Analytics.Import.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Import.Api;

/// <summary>The worker's own registrations give every API provider its connector.</summary>
public sealed class ApiConnectorRegistrationTests
{
    public static TheoryData<SourceProvider> ApiProviders => new(Enum.GetValues<SourceProvider>().Where(p => p.IsApi()));

    [Theory]
    [MemberData(nameof(ApiProviders))]
    public void EveryApiProvider_HasItsConnector(SourceProvider provider)
    {
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddAnalytics();
        using var container = services.BuildServiceProvider();

        var connector = container.GetRequiredService<ApiConnectors>().For(new TicketSourceOptions { Name = "desk", Provider = provider });

        Assert.Equal(provider, connector.Provider);
    }
}
