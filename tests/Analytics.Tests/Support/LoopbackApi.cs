using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Analytics.Tests.Support;

/// <summary>
/// A real HTTP server on loopback (Kestrel) standing in for a ticketing system's API. The test gives the
/// handler that serves the system's JSON; faults queued with <see cref="Inject"/> answer the next matching
/// requests first (a 429 with Retry-After, a 503, a 401), so every connector is tested against the same
/// transport faults. Every request is recorded, with its Authorization header, for assertions.
/// </summary>
public sealed class LoopbackApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Fault> _faults = new();

    private LoopbackApi(WebApplication app, Func<HttpContext, Task> handler)
    {
        _app = app;
        app.Run(async context =>
        {
            var request = new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value ?? "/",
                context.Request.QueryString.Value ?? string.Empty,
                context.Request.Headers.Authorization.ToString());
            Requests.Enqueue(request);
            if (TakeFault(request) is { } fault)
            {
                context.Response.StatusCode = fault.Status;
                if (fault.RetryAfter is { } after)
                {
                    context.Response.Headers.RetryAfter = after;
                }

                await context.Response.WriteAsync(fault.Body ?? string.Empty);
                return;
            }

            await handler(context);
        });
    }

    /// <summary>The server's address, e.g. http://127.0.0.1:41234.</summary>
    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Every request served, in order.</summary>
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Starts a server on a free loopback port that answers with <paramref name="handler"/>.</summary>
    public static async Task<LoopbackApi> StartAsync(Func<HttpContext, Task> handler)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var api = new LoopbackApi(builder.Build(), handler);
        await api._app.StartAsync();
        var addresses = api._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        api.BaseUrl = addresses.Addresses.First();
        return api;
    }

    /// <summary>
    /// Answers the next <paramref name="times"/> requests whose path contains <paramref name="pathPart"/>
    /// (any request when null) with <paramref name="status"/> instead of the handler.
    /// </summary>
    public void Inject(int status, string? pathPart = null, int times = 1, string? retryAfter = null, string? body = null)
    {
        for (var i = 0; i < times; i++)
        {
            _faults.Enqueue(new Fault(status, pathPart, retryAfter, body));
        }
    }

    private Fault? TakeFault(RecordedRequest request)
    {
        lock (_faults)
        {
            if (_faults.TryPeek(out var fault) && (fault.PathPart is null || (request.Path + request.Query).Contains(fault.PathPart, StringComparison.Ordinal)))
            {
                _faults.TryDequeue(out _);
                return fault;
            }

            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record Fault(int Status, string? PathPart, string? RetryAfter, string? Body);
}

/// <summary>One request the loopback API served.</summary>
public sealed record RecordedRequest(string Method, string Path, string Query, string Authorization);
