using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Analytics.Import.Sources;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Analytics.Import.Api;

/// <summary>
/// Reads JSON from one source's API: authenticates every request, waits out 429s (Retry-After) and retries
/// 5xx and network faults with backoff, and turns what only the operator can fix (401, 403, 404, another
/// 4xx) into one line naming the source and the path. The credentials are never part of a message or log.
/// </summary>
public sealed class ApiClient : IDisposable
{
    private readonly HttpClient _http;
    private readonly string _source;
    private readonly ApiSourceOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <param name="source">The source's name, for messages.</param>
    /// <param name="options">Its API settings: base URL, retries, timeout.</param>
    /// <param name="authorization">The Authorization header every request carries; null for none.</param>
    /// <param name="handler">The HTTP handler; null for a new one (tests pass their own to count requests).</param>
    public ApiClient(string source, ApiSourceOptions options, AuthenticationHeaderValue? authorization, TimeProvider? time = null, ILogger? logger = null, HttpMessageHandler? handler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Uri.TryCreate(options.BaseUrl.TrimEnd('/') + "/", UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
        {
            throw new SourceQueryException($"Source '{source}': Api:BaseUrl '{Printable.Escape(options.BaseUrl)}' is not an http(s) address such as https://example.topdesk.net.");
        }

        _source = source;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _http = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
        _http.BaseAddress = baseUri;
        _http.Timeout = options.RequestTimeout;
        _http.DefaultRequestHeaders.Authorization = authorization;
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("analytics-worker", "1.0"));
    }

    /// <summary>HTTP Basic authentication (TOPdesk application passwords, ServiceNow, Jira and Zendesk API tokens).</summary>
    public static AuthenticationHeaderValue Basic(string user, string secret) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + secret)));

    /// <summary>An OAuth bearer token (ServiceNow OAuth).</summary>
    public static AuthenticationHeaderValue Bearer(string token) => new("Bearer", token);

    /// <summary>The base address every relative path is read from.</summary>
    public Uri BaseAddress => _http.BaseAddress!;

    /// <summary>
    /// GETs a path relative to the base URL (with its query string) and parses the body as JSON. An empty
    /// 204 or 206 body reads as null. Throws <see cref="SourceQueryException"/> for what retrying cannot fix.
    /// </summary>
    public async Task<JsonDocument?> GetJsonAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        var response = await SendAsync(pathAndQuery, cancellationToken);
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return null;
            }

            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (body.Length == 0)
            {
                return null;
            }

            try
            {
                return JsonDocument.Parse(body);
            }
            catch (JsonException ex)
            {
                throw new SourceQueryException($"Source '{_source}': {Path(pathAndQuery)} did not answer with JSON ({ex.Message}); is Api:BaseUrl the system's API address?", ex);
            }
        }
    }

    private async Task<HttpResponseMessage> SendAsync(string pathAndQuery, CancellationToken cancellationToken)
    {
        for (var retry = 0; ; retry++)
        {
            HttpResponseMessage? response = null;
            string status;
            TimeSpan? wait = null;
            try
            {
                response = await _http.GetAsync(pathAndQuery, HttpCompletionOption.ResponseContentRead, cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return response;
                }

                status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
                if (response.StatusCode == HttpStatusCode.TooManyRequests)
                {
                    wait = RetryAfter(response);
                }
                else if ((int)response.StatusCode < 500 && response.StatusCode != HttpStatusCode.RequestTimeout)
                {
                    var code = (int)response.StatusCode;
                    var excerpt = await Excerpt(response, cancellationToken);
                    response.Dispose();
                    throw Refused(pathAndQuery, code, excerpt);
                }
            }
            catch (HttpRequestException ex)
            {
                status = $"a network fault ({ex.Message})";
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                status = string.Create(CultureInfo.InvariantCulture, $"no answer within {_options.RequestTimeout.TotalSeconds:0} s");
            }

            response?.Dispose();
            if (retry >= _options.MaxRetries)
            {
                throw new SourceQueryException($"Source '{_source}': {Path(pathAndQuery)} still answered {status} after {retry} retries; the next run resumes from the watermark.");
            }

            var delay = wait ?? Backoff(retry);
            if (delay > _options.MaxRetryWait)
            {
                delay = _options.MaxRetryWait;
            }

            ApiLog.Retrying(_logger, _source, Path(pathAndQuery), status, retry + 1, _options.MaxRetries, delay.TotalSeconds);
            await Task.Delay(delay, _time, cancellationToken);
        }
    }

    private static TimeSpan Backoff(int retry) => TimeSpan.FromSeconds(Math.Min(Math.Pow(2, retry), 60));

    /// <summary>The wait a 429 asks for: Retry-After in seconds or as a date; a second when it says neither.</summary>
    private TimeSpan RetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } after)
        {
            if (after.Delta is { } delta)
            {
                return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            }

            if (after.Date is { } date)
            {
                var wait = date - _time.GetUtcNow();
                return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
            }
        }

        return TimeSpan.FromSeconds(1);
    }

    private SourceQueryException Refused(string pathAndQuery, int status, string excerpt)
    {
        var path = Path(pathAndQuery);
        var why = status switch
        {
            401 => $"the API refused the credentials (401); check Api:User and Api:Secret of source '{_source}'",
            403 => $"the API user lacks read access to {path} (403); give it the read rights docs/sync-sources.md lists",
            404 => $"{path} does not exist (404); check Api:BaseUrl and that this API is licensed and enabled",
            _ => $"{path} was refused ({status})",
        };
        return new SourceQueryException($"Source '{_source}': {why}{(excerpt.Length > 0 ? ": " + excerpt : ".")}") { HttpStatus = status };
    }

    /// <summary>The start of an error body, on one line and escaped: enough to tell the operator what the system said.</summary>
    private static async Task<string> Excerpt(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        text = string.Join(' ', text.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();
        return Printable.Escape(text.Length > 200 ? text[..200] + "…" : text);
    }

    /// <summary>The path without its query string: queries may name people or carry tokens.</summary>
    private static string Path(string pathAndQuery)
    {
        var q = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? pathAndQuery : pathAndQuery[..q];
    }

    public void Dispose() => _http.Dispose();
}
