using Microsoft.Extensions.Logging;

namespace Analytics.Import.Api.Jira;

internal static partial class JiraLog
{
    [LoggerMessage(EventId = 2171, Level = LogLevel.Information, Message = "Source '{Source}': no roster from Jira: {Reason} Give the API user the 'Browse users and groups' global permission to load groups and members.")]
    public static partial void NoRoster(ILogger logger, string source, string reason);

    [LoggerMessage(EventId = 2172, Level = LogLevel.Debug, Message = "Source '{Source}': {Key}'s changelog has {Total} entries, more than the search gave; reading it from the changelog endpoint.")]
    public static partial void ReadingFullChangelog(ILogger logger, string source, string key, long total);
}
