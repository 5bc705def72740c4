using Analytics.Import.Api;
using Analytics.Import.Api.ServiceNow;
using Analytics.Import.Sources;

namespace Analytics.Tests.Import.Api.ServiceNow;

/// <summary>
/// A small ServiceNow instance: four groups (one, Legacy Desk, only in old history), five users, and seven
/// tickets over the four tables with their histories; and the reading side, a connector with its client.
/// </summary>
internal static class ServiceNowScenario
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);

    public sealed record Ids(string Mia, string Ann, string Bob, string Cas, string ServiceDesk, string Network, string ChangeBoard, string Legacy);

    public static Ids Seed(FakeServiceNow sn)
    {
        var mia = sn.User("Mia Manager", "mia@example.org");
        var ann = sn.User("Ann Agent", "ann@example.org", manager: mia);
        var bob = sn.User("Bob Builder", "bob@example.org", manager: mia);
        var cas = sn.User("Cas Changer", "cas@example.org");
        var desk = sn.Group("Service Desk", manager: mia);
        var network = sn.Group("Network", manager: cas);
        var board = sn.Group("Change Board");
        var legacy = sn.Group("Legacy Desk", active: false);
        sn.Member(desk, ann);
        sn.Member(desk, bob);
        sn.Member(network, bob);
        sn.Member(board, cas);
        sn.Member(legacy, ann);

        sn.Open("incident", "INC0010001", T0, "ann.agent", new()
        {
            ["assignment_group"] = legacy, ["assigned_to"] = ann, ["state"] = "1|New", ["priority"] = "1|1 - Critical",
            ["category"] = "network|Network", ["subcategory"] = "vpn|VPN", ["contact_type"] = "phone|Phone", ["short_description"] = "VPN down",
            ["made_sla"] = "true", ["reassignment_count"] = "0", ["reopen_count"] = "0",
        });
        sn.Open("incident", "INC0010002", T0.AddMinutes(10), "ann.agent", new() { ["assignment_group"] = desk, ["state"] = "1|New", ["contact_type"] = "email|Email" });
        sn.Open("sc_req_item", "RITM0010001", T0.AddMinutes(20), "ann.agent", new() { ["assignment_group"] = desk, ["assigned_to"] = ann, ["state"] = "1|Open", ["contact_type"] = "self-service|Self-service", ["short_description"] = "New laptop" });
        sn.Open("change_request", "CHG0030001", T0.AddMinutes(30), "cas.changer", new() { ["assignment_group"] = board, ["state"] = "-5|New", ["priority"] = "3|3 - Moderate" });
        sn.Open("problem", "PRB0040001", T0.AddMinutes(40), "bob.builder", new() { ["assignment_group"] = network, ["state"] = "101|New", ["category"] = "network|Network" });
        sn.Open("incident", "INC0010003", T0.AddMinutes(50), "monitoring", new() { ["assignment_group"] = network, ["state"] = "1|New", ["contact_type"] = "event|Event" });
        sn.Open("incident", "INC0010004", T0.AddMinutes(55), "ann.agent", new()
        {
            ["assignment_group"] = desk, ["state"] = "1|New", ["contact_type"] = "email|Email", ["due_date"] = FakeServiceNow.Text(T0.AddHours(8)), ["made_sla"] = "false",
        });

        sn.Update("INC0010001", T0.AddHours(1), "ann.agent", new() { ["assignment_group"] = network, ["assigned_to"] = bob, ["state"] = "2|In Progress", ["reassignment_count"] = "1" });
        sn.Update("INC0010001", T0.AddHours(2), "bob.builder", new() { ["state"] = "6|Resolved", ["resolved_at"] = FakeServiceNow.Text(T0.AddHours(2)), ["resolved_by"] = bob });
        sn.Update("INC0010002", T0.AddHours(3), "ann.agent", new() { ["state"] = "8|Canceled", ["active"] = "false" });
        sn.Update("RITM0010001", T0.AddHours(4), "ann.agent", new() { ["state"] = "3|Closed Complete", ["closed_at"] = FakeServiceNow.Text(T0.AddHours(4)), ["active"] = "false" });
        sn.Update("CHG0030001", T0.AddHours(5), "cas.changer", new() { ["state"] = "-1|Implement", ["assigned_to"] = cas });
        return new Ids(mia, ann, bob, cas, desk, network, board, legacy);
    }

    public static TicketSourceOptions Source(FakeServiceNow sn, int pageSize = 3, string user = "sync.reader", string secret = "s3cret-pass") => new()
    {
        Name = "snow",
        Provider = SourceProvider.ServiceNow,
        TimeZone = "UTC",
        Api = new ApiSourceOptions { BaseUrl = sn.BaseUrl, User = user, Secret = secret, PageSize = pageSize, MaxRetries = 3, MaxRetryWait = TimeSpan.FromSeconds(3) },
    };

    public static async Task<List<ApiPage>> ReadAsync(TicketSourceOptions source, DateTimeOffset since, TimeZoneInfo? zone = null)
    {
        var connector = new ServiceNowConnector();
        using var client = new ApiClient(source.Name, source.Api, connector.Authorization(source.Api));
        var request = new ApiReadRequest(source, since, T0.AddDays(30), client, zone ?? TimeZoneInfo.Utc);
        var pages = new List<ApiPage>();
        await foreach (var page in connector.ReadChangedAsync(request, CancellationToken.None))
        {
            pages.Add(page);
        }

        return pages;
    }

    public static async Task<IReadOnlyList<ApiRosterTable>> RosterAsync(TicketSourceOptions source)
    {
        var connector = new ServiceNowConnector();
        using var client = new ApiClient(source.Name, source.Api, connector.Authorization(source.Api));
        return await connector.ReadRosterAsync(new ApiReadRequest(source, T0, T0.AddDays(30), client, TimeZoneInfo.Utc), CancellationToken.None);
    }
}
