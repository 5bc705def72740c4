using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;

namespace Analytics.Storage;

/// <summary>
/// The process an import run belongs to, as "host/pid/start": the start time tells a live process from a later
/// one that was given the same id.
/// </summary>
public sealed record ImportRunOwner(string Host, int ProcessId, long StartedTicks)
{
    public static ImportRunOwner Current { get; } = ForCurrentProcess();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Host}/{ProcessId}/{StartedTicks}");

    public static ImportRunOwner? Parse(string? text)
    {
        var parts = text?.Split('/');
        return parts is [var host, var pid, var ticks]
            && int.TryParse(pid, NumberStyles.None, CultureInfo.InvariantCulture, out var processId)
            && long.TryParse(ticks, NumberStyles.None, CultureInfo.InvariantCulture, out var started)
            ? new ImportRunOwner(host, processId, started)
            : null;
    }

    /// <summary>
    /// Whether the run's process may still be working on it. On this machine the process table answers at once;
    /// for another machine (or a run recorded before owners were) only a heartbeat younger than
    /// <paramref name="staleAfter"/> does.
    /// </summary>
    public static bool IsAlive(string? owner, DateTimeOffset lastHeartbeat, DateTimeOffset now, TimeSpan staleAfter)
    {
        if (Parse(owner) is { } parsed && string.Equals(parsed.Host, Current.Host, StringComparison.OrdinalIgnoreCase))
        {
            return parsed.ProcessId == Current.ProcessId ? parsed.StartedTicks == Current.StartedTicks : IsRunning(parsed);
        }

        return now - lastHeartbeat < staleAfter;
    }

    private static bool IsRunning(ImportRunOwner owner)
    {
        try
        {
            using var process = Process.GetProcessById(owner.ProcessId);
            // The start time read twice can differ by a clock tick; a reused id belongs to a much later process.
            return Math.Abs(StartTicks(process) - owner.StartedTicks) < TimeSpan.TicksPerSecond;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        catch (Win32Exception)
        {
            // Not ours to inspect: it exists, so it is taken to be alive.
            return true;
        }
    }

    private static ImportRunOwner ForCurrentProcess()
    {
        using var process = Process.GetCurrentProcess();
        return new ImportRunOwner(Environment.MachineName, Environment.ProcessId, StartTicks(process));
    }

    private static long StartTicks(Process process) => process.StartTime.ToUniversalTime().Ticks;
}
