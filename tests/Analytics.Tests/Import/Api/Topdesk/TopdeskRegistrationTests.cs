using Analytics.Import.Api;
using Analytics.Import.Api.Topdesk;
using Analytics.Import.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Tests.Import.Api.Topdesk;

public sealed class TopdeskRegistrationTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void TheConnector_IsBuiltByTheContainer_WithOrWithoutATimeProvider(bool withTime)
    {
        var services = new ServiceCollection().AddLogging();
        if (withTime)
        {
            services.AddSingleton(TimeProvider.System);
        }

        services.AddSingleton<ITicketApiConnector, TopdeskConnector>();
        using var provider = services.BuildServiceProvider();

        var connector = new ApiConnectors(provider.GetServices<ITicketApiConnector>()).For(new TicketSourceOptions { Name = "desk", Provider = SourceProvider.TOPdesk });

        Assert.IsType<TopdeskConnector>(connector);
    }
}
