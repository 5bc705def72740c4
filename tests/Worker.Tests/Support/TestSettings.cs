using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Worker.Hosting;

namespace Worker.Tests.Support;

/// <summary>Settings that put every file a worker writes into one test folder, and hosts built from the worker's own composition.</summary>
public static class TestSettings
{
    public static Dictionary<string, string?> Embedded(string folder) => new()
    {
        ["Store:Provider"] = "Sqlite",
        ["Store:ConnectionString"] = $"Data Source={Path.Combine(folder, "analytics.db")};Pooling=False",
        ["Jobs:Store:Provider"] = "Sqlite",
        ["Jobs:Store:ConnectionString"] = $"Data Source={Path.Combine(folder, "quartz.db")};Pooling=False",
        ["Delivery:PickupFolder"] = Path.Combine(folder, "mail"),
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <summary><see cref="Embedded"/> with mail going over SMTP to a test server on loopback.</summary>
    public static Dictionary<string, string?> EmbeddedWithSmtp(string folder, int port, string security = "None")
    {
        var settings = Embedded(folder);
        settings["Delivery:Transport"] = "Smtp";
        settings["Delivery:Smtp:Host"] = "127.0.0.1";
        settings["Delivery:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Delivery:Smtp:Security"] = security;
        return settings;
    }

    /// <summary>A host composed exactly as Program.cs composes the worker, plus <paramref name="services"/>.</summary>
    /// <summary>
    /// The worker's host without the report services unless <paramref name="withReporting"/>: scheduling and
    /// delivery tests put their own recording services in, or none to see a job left out.
    /// </summary>
    public static IHost BuildHost(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null, bool withReporting = false)
    {
        var builder = WorkerHost.CreateBuilder(
            b =>
            {
                if (withReporting)
                {
                    Program.Compose(b);
                }
                else
                {
                    Program.ComposeInfrastructure(b);
                }

                services?.Invoke(b.Services);
            },
            settings);
        return builder.Build();
    }
}
