using System.Globalization;
using System.Text.Json.Nodes;

namespace Analytics.Tests.Import.Api.Topdesk;

/// <summary>
/// TOPdesk's records as its REST API writes them, apart from any server (the Worker tests serve them with
/// a server of their own, without ASP.NET Core in the worker's test folder).
/// </summary>
public static class TopdeskRecords
{
    /// <summary>TOPdesk's default date layout: 2026-11-23T07:00:00.000+0000.</summary>
    public static string Date(DateTimeOffset at) => at.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'+0000'", CultureInfo.InvariantCulture);
}

/// <summary>An incident as TOPdesk holds it.</summary>
public sealed class FakeIncident
{
    public required string Number { get; set; }

    public string Id { get; set; } = Guid.NewGuid().ToString();

    public string Status { get; set; } = "firstLine";

    public string? Brief { get; set; }

    public string? CallType { get; set; } = "Storing";

    public string? EntryType { get; set; } = "Telefonisch";

    public string? Category { get; set; } = "Hardware";

    public string? Subcategory { get; set; }

    public string? Priority { get; set; } = "P3";

    public string? Group { get; set; } = "Servicedesk";

    public string? Operator { get; set; }

    /// <summary>True: the operator field holds a group (no person holds the call).</summary>
    public bool OperatorIsGroup { get; set; }

    public string ProcessingStatus { get; set; } = "Geregistreerd";

    public required DateTimeOffset Called { get; set; }

    public required DateTimeOffset Modified { get; set; }

    public DateTimeOffset? Target { get; set; }

    public DateTimeOffset? Completed { get; set; }

    public DateTimeOffset? Closed { get; set; }

    public double TimeSpent { get; set; }

    public JsonNode ToJson() => new JsonObject
    {
        ["id"] = Id,
        ["status"] = Status,
        ["number"] = Number,
        ["briefDescription"] = Brief ?? string.Empty,
        ["callType"] = Ref(CallType),
        ["entryType"] = Ref(EntryType),
        ["category"] = Ref(Category),
        ["subcategory"] = Ref(Subcategory),
        ["priority"] = Ref(Priority),
        ["operatorGroup"] = Ref(Group),
        ["operator"] = Operator is null && !OperatorIsGroup ? null : new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString(),
            ["status"] = OperatorIsGroup ? "operatorGroup" : "operator",
            ["name"] = OperatorIsGroup ? Group : Operator,
        },
        ["processingStatus"] = Ref(ProcessingStatus),
        ["callDate"] = TopdeskRecords.Date(Called),
        ["creationDate"] = TopdeskRecords.Date(Called),
        ["modificationDate"] = TopdeskRecords.Date(Modified),
        ["targetDate"] = Target is { } t ? TopdeskRecords.Date(t) : null,
        ["responded"] = false,
        ["responseDate"] = null,
        ["completed"] = Completed is not null,
        ["completedDate"] = Completed is { } c ? TopdeskRecords.Date(c) : null,
        ["closed"] = Closed is not null,
        ["closedDate"] = Closed is { } d ? TopdeskRecords.Date(d) : null,
        ["timeSpent"] = TimeSpent,
        ["onHold"] = false,
        ["majorCall"] = false,
        ["optionalFields1"] = new JsonObject { ["boolean1"] = false, ["text1"] = string.Empty },
    };

    private static JsonObject? Ref(string? name) => name is null ? null : new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["name"] = name };
}

/// <summary>A simple operator change as TOPdesk's change API lists it.</summary>
public sealed class FakeChange
{
    public required string Number { get; set; }

    public required DateTimeOffset Created { get; set; }

    public required DateTimeOffset Modified { get; set; }

    public string? Brief { get; set; }

    public string? Group { get; set; } = "Werkplekbeheer";

    public DateTimeOffset? Closed { get; set; }

    public JsonNode ToJson() => new JsonObject
    {
        ["id"] = Number + "-id",
        ["number"] = Number,
        ["briefDescription"] = Brief,
        ["changeType"] = "simple",
        ["status"] = new JsonObject { ["id"] = "s", ["name"] = Closed is null ? "In progress" : "Closed" },
        ["category"] = new JsonObject { ["id"] = "c", ["name"] = "Software" },
        ["creationDate"] = TopdeskRecords.Date(Created),
        ["modificationDate"] = TopdeskRecords.Date(Modified),
        ["canceled"] = false,
        ["simple"] = new JsonObject
        {
            ["assignee"] = Group is null ? null : new JsonObject { ["id"] = "g", ["name"] = Group, ["status"] = "operatorGroup" },
            ["closedDate"] = Closed is { } c ? TopdeskRecords.Date(c) : null,
            ["completedDate"] = Closed is { } d ? TopdeskRecords.Date(d) : null,
        },
    };
}

public sealed record FakeGroup(string Id, string Name, bool Archived = false);

public sealed record FakeOperator(string Id, string Name, string[] Groups, bool Archived = false);
