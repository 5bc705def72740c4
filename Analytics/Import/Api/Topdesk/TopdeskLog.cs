using Microsoft.Extensions.Logging;

namespace Analytics.Import.Api.Topdesk;

internal static partial class TopdeskLog
{
    [LoggerMessage(EventId = 2161, Level = LogLevel.Information, Message = "Source '{Source}': changes are not read: {Reason} (Change Management is not licensed, or the API user may not read it). Incidents are read as usual.")]
    public static partial void ChangesSkipped(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 2164, Level = LogLevel.Warning, Message = "Source '{Source}': TOPdesk refused the query for changes, so changes are not read: {Reason}. Incidents are read as usual; set Api:Tables to [\"incidents\"] to stop asking.")]
    public static partial void ChangeQueryRefused(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 2162, Level = LogLevel.Information, Message = "Source '{Source}': the roster is not read from TOPdesk: {Reason}. The roster is loaded with 'roster import' or inferred.")]
    public static partial void RosterSkipped(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 2163, Level = LogLevel.Information, Message = "Source '{Source}': operator {Operator} is in {Groups} operator groups; the roster lists them in '{Team}' (the first by name). Load an agents file to choose another.")]
    public static partial void SeveralGroups(ILogger logger, string source, string @operator, int groups, string team);
}
