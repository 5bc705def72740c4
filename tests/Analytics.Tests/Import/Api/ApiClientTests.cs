using System.Text;
using Analytics.Import.Api;
using Analytics.Import.Sources;
using Analytics.Tests.Support;
using Microsoft.AspNetCore.Http;

namespace Analytics.Tests.Import.Api;

public sealed class ApiClientTests
{
    private static ApiSourceOptions Options(string baseUrl) => new() { BaseUrl = baseUrl, MaxRetries = 3, MaxRetryWait = TimeSpan.FromSeconds(2) };

    [Fact]
    public async Task A429_WithRetryAfter_AndA503_AreWaitedOut_ThenTheJsonIsRead()
    {
        await using var api = await LoopbackApi.StartAsync(context => context.Response.WriteAsync("""{"ok":true}"""));
        api.Inject(429, retryAfter: "1");
        api.Inject(503);
        using var client = new ApiClient("desk", Options(api.BaseUrl), ApiClient.Basic("reader", "s3cret"));

        var clock = System.Diagnostics.Stopwatch.StartNew();
        using var json = await client.GetJsonAsync("/tas/api/incidents?page_size=2", default);

        Assert.True(json!.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(3, api.Requests.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), "the 429's Retry-After (1 s) and the 503's backoff (1 s) were waited");
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("reader:s3cret"));
        Assert.All(api.Requests, r => Assert.Equal(expected, r.Authorization));
    }

    [Theory]
    [InlineData(401, "refused the credentials (401)")]
    [InlineData(403, "lacks read access to /tas/api/incidents (403)")]
    public async Task Refusals_FailAtOnce_WithOneLine_AndNoSecret(int status, string expected)
    {
        await using var api = await LoopbackApi.StartAsync(context => context.Response.WriteAsync("{}"));
        api.Inject(status, body: "{\"message\":\"no\"}");
        using var client = new ApiClient("desk", Options(api.BaseUrl), ApiClient.Basic("reader", "s3cret"));

        var ex = await Assert.ThrowsAsync<SourceQueryException>(() => client.GetJsonAsync("/tas/api/incidents?query=x", default));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Equal(status, ex.HttpStatus);
        Assert.DoesNotContain("s3cret", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', ex.Message);
        Assert.Single(api.Requests);
    }

    [Fact]
    public async Task A5xx_ThatLasts_FailsTheRun_AfterTheRetries()
    {
        await using var api = await LoopbackApi.StartAsync(context => context.Response.WriteAsync("{}"));
        api.Inject(502, times: 10);
        var options = Options(api.BaseUrl);
        options.MaxRetries = 2;
        using var client = new ApiClient("desk", options, null);

        var ex = await Assert.ThrowsAsync<SourceQueryException>(() => client.GetJsonAsync("/api/now/table/incident", default));

        Assert.Contains("still answered 502 after 2 retries", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, api.Requests.Count);
    }
}
