using System.Diagnostics.CodeAnalysis;

namespace Analytics.Tickets;

/// <summary>The snake_case names under which canonical enums are stored and written in files.</summary>
public static class CanonicalNames
{
    public static string Of(TicketKind kind) => kind switch
    {
        TicketKind.Incident => "incident",
        TicketKind.Request => "request",
        TicketKind.Change => "change",
        TicketKind.Problem => "problem",
        TicketKind.Task => "task",
        TicketKind.Maintenance => "maintenance",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string Of(Channel channel) => channel switch
    {
        Channel.Phone => "phone",
        Channel.Email => "email",
        Channel.Portal => "portal",
        Channel.Chat => "chat",
        Channel.WalkIn => "walk_in",
        Channel.Monitoring => "monitoring",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };

    public static string Of(TicketEventKind kind) => kind switch
    {
        TicketEventKind.Status => "status",
        TicketEventKind.Assignment => "assignment",
        TicketEventKind.TeamAssignment => "team_assignment",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static bool TryParseKind(string? text, out TicketKind kind)
    {
        foreach (var candidate in Enum.GetValues<TicketKind>())
        {
            if (string.Equals(Of(candidate), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static bool TryParseChannel(string? text, out Channel channel)
    {
        var trimmed = text?.Trim().Replace(' ', '_').Replace('-', '_');
        foreach (var candidate in Enum.GetValues<Channel>())
        {
            if (string.Equals(Of(candidate), trimmed, StringComparison.OrdinalIgnoreCase)
                || string.Equals(candidate.ToString(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                channel = candidate;
                return true;
            }
        }

        channel = default;
        return false;
    }

    public static TicketKind ParseKind(string text) =>
        TryParseKind(text, out var kind) ? kind : throw new FormatException($"Unknown ticket kind '{text}'.");

    public static Channel ParseChannel(string text) =>
        TryParseChannel(text, out var channel) ? channel : throw new FormatException($"Unknown channel '{text}'.");

    public static TicketEventKind ParseEventKind(string text)
    {
        foreach (var candidate in Enum.GetValues<TicketEventKind>())
        {
            if (string.Equals(Of(candidate), text, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        throw new FormatException($"Unknown ticket event kind '{text}'.");
    }

    [return: NotNullIfNotNull(nameof(channel))]
    public static string? Of(Channel? channel) => channel is { } c ? Of(c) : null;
}
