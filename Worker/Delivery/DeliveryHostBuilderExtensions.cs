using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Worker.Delivery;

/// <summary>The outbox, the recipients and the transport; the dispatcher runs as a hosted service.</summary>
public static class DeliveryHostBuilderExtensions
{
    public static IHostApplicationBuilder AddWorkerDelivery(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<DeliveryOptions>().BindConfiguration(DeliveryOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DeliveryOptions>, DeliveryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OutboxSignal>();
        services.TryAddSingleton<MailComposer>();
        services.TryAddSingleton<Outbox>();
        services.TryAddSingleton<RecipientDirectory>();
        services.TryAddSingleton<OutboxDispatcher>();
        services.TryAddSingleton<IMailTransport>(sp => sp.GetRequiredService<IOptions<DeliveryOptions>>().Value.Transport == MailTransportKind.Smtp
            ? ActivatorUtilities.CreateInstance<SmtpMailTransport>(sp)
            : ActivatorUtilities.CreateInstance<PickupFolderTransport>(sp));
        services.AddHostedService<OutboxDispatchService>();
        return builder;
    }
}
