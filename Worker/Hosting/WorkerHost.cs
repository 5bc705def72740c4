using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Worker.Hosting;

/// <summary>
/// Builds the host every command runs in. Settings, later ones winning: appsettings.json (and
/// appsettings.{DOTNET_ENVIRONMENT}.json) beside the executable, the operator's settings file
/// (<see cref="SettingsFile"/>: <c>--config PATH</c>, else /etc/analytics-worker/appsettings.json or
/// %ProgramData%\analytics-worker\appsettings.json when it exists), environment variables (Jobs__Sync__Cron=...),
/// then the overrides a caller passes; composed by the function Program.cs hands over.
/// </summary>
public static class WorkerHost
{
    public static HostApplicationBuilder CreateBuilder(
        Action<IHostApplicationBuilder> compose,
        IReadOnlyDictionary<string, string?>? overrides = null,
        string[]? args = null)
    {
        ArgumentNullException.ThrowIfNull(compose);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
        });

        // The install folder's appsettings.json is the shipped defaults, replaced by an upgrade; what the operator
        // sets lives in a file outside it. Environment variables still win over both (secrets, one-off changes).
        SettingsFile.Add(builder.Configuration);

        // Relative paths in settings (SQLite files, the mail folder, query files) are relative to the working
        // directory, where the operator runs the command; appsettings.json is found beside the executable.
        if (overrides is not null)
        {
            builder.Configuration.AddInMemoryCollection(overrides);
        }

        compose(builder);
        return builder;
    }
}
