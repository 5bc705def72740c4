using System.Text.Json;
using static Analytics.Tests.Import.Api.ServiceNow.ServiceNowScenario;

namespace Analytics.Tests.Import.Api.ServiceNow;

/// <summary>The fake answers in the Table API's documented shapes, so the connector is tested against them.</summary>
public sealed class FakeServiceNowTests
{
    [Fact]
    public async Task AList_HasTheResultArray_TheTotalCount_AndLinksToTheOtherPages()
    {
        await using var sn = await FakeServiceNow.StartAsync();
        Seed(sn);
        using var http = new HttpClient { BaseAddress = new Uri(sn.BaseUrl) };

        using var response = await http.GetAsync("/api/now/table/incident?sysparm_query=ORDERBYnumber&sysparm_limit=2&sysparm_offset=2&sysparm_fields=number,assignment_group&sysparm_display_value=all");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal("4", response.Headers.GetValues("X-Total-Count").Single());
        var link = response.Headers.GetValues("Link").Single();
        Assert.Contains("sysparm_offset=0>;rel=\"first\"", link, StringComparison.Ordinal);
        Assert.Contains("sysparm_offset=0>;rel=\"prev\"", link, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"next\"", link, StringComparison.Ordinal);
        Assert.Contains("sysparm_offset=2>;rel=\"last\"", link, StringComparison.Ordinal);
        var result = json.RootElement.GetProperty("result");
        Assert.Equal(2, result.GetArrayLength());
        var first = result[0];
        Assert.Equal("INC0010003", first.GetProperty("number").GetProperty("value").GetString());
        var group = first.GetProperty("assignment_group");
        Assert.Equal("Network", group.GetProperty("display_value").GetString());
        Assert.Equal(32, group.GetProperty("value").GetString()!.Length);
        Assert.EndsWith("/api/now/table/sys_user_group/" + group.GetProperty("value").GetString(), group.GetProperty("link").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StoredValues_AreStrings_EmptyWhenUnset_AndAnUnknownTableIsA400()
    {
        await using var sn = await FakeServiceNow.StartAsync();
        Seed(sn);
        using var http = new HttpClient { BaseAddress = new Uri(sn.BaseUrl) };

        using var json = JsonDocument.Parse(await http.GetStringAsync("/api/now/table/incident?sysparm_query=number=INC0010002&sysparm_fields=number,assigned_to,state,sys_updated_on&sysparm_exclude_reference_link=true"));
        using var unknown = await http.GetAsync("/api/now/table/no_such_table");

        var record = json.RootElement.GetProperty("result")[0];
        Assert.Equal(("", "8", "2026-11-02 11:00:00"), (record.GetProperty("assigned_to").GetString(), record.GetProperty("state").GetString(), record.GetProperty("sys_updated_on").GetString()));
        Assert.Equal(400, (int)unknown.StatusCode);
        Assert.Contains("\"status\":\"failure\"", await unknown.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
