using Analytics.Import.Api;
using Analytics.Import.Sources;

namespace Analytics.Tests.Import.Api;

public sealed class ApiSourceSettingsTests
{
    private static TicketSourceOptions Source(Action<ApiSourceOptions> configure)
    {
        var source = new TicketSourceOptions { Name = "desk", Provider = SourceProvider.TOPdesk, TimeZone = "Europe/Amsterdam" };
        source.Api = new ApiSourceOptions { BaseUrl = "https://example.topdesk.net", User = "api-reader", Secret = "app-password-123" };
        configure(source.Api);
        return source;
    }

    private static List<string> Failures(TicketSourceOptions source) =>
        new SyncOptionsValidator().Validate(null, new SyncOptions { Sources = [source] }).Failures?.ToList() ?? [];

    [Fact]
    public void AnApiSource_NeedsNoConnectionStringOrQueryFile()
    {
        Assert.Empty(Failures(Source(_ => { })));
    }

    [Theory]
    [InlineData("", "Sync:Sources:0:Api:BaseUrl: '' must be the system's http(s) address")]
    [InlineData("ftp://example.topdesk.net", "must be the system's http(s) address")]
    [InlineData("https://api-reader:hunter2@example.topdesk.net", "Sync:Sources:0:Api:BaseUrl must not hold credentials")]
    public void ABadBaseUrl_IsNamed(string url, string expected)
    {
        var failures = Failures(Source(api => api.BaseUrl = url));

        var failure = Assert.Single(failures);
        Assert.Contains(expected, failure, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingSecret_NamesTheSettingAndItsEnvironmentVariable()
    {
        var failure = Assert.Single(Failures(Source(api => api.Secret = " ")));

        Assert.Contains("Sync:Sources:0:Api:Secret is required", failure, StringComparison.Ordinal);
        Assert.Contains("Sync__Sources__0__Api__Secret", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void OutOfRangeNumbers_AreNamed_AndTheSecretIsNeverEchoed()
    {
        var failures = Failures(Source(api =>
        {
            api.PageSize = 0;
            api.MaxRetries = 99;
        }));

        Assert.Equal(2, failures.Count);
        Assert.Contains(failures, f => f.Contains("Api:PageSize: '0'", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("Api:MaxRetries: '99'", StringComparison.Ordinal));
        Assert.All(failures, f => Assert.DoesNotContain("app-password-123", f, StringComparison.Ordinal));
    }

    [Fact]
    public void AnUnknownProvider_IsNamed()
    {
        var source = Source(_ => { });
        source.Provider = (SourceProvider)42;

        Assert.Contains("Sync:Sources:0:Provider: '42' is not a provider", Assert.Single(Failures(source)), StringComparison.Ordinal);
    }
}
