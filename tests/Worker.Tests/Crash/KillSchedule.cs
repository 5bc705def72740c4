using System.Diagnostics;
using System.Globalization;
using Worker.Tests.Support;

namespace Worker.Tests.Crash;

/// <summary>
/// When the kills land: random moments within the work of an uninterrupted run, from a seed printed with every
/// failure (set CRASH_TEST_SEED to replay one), and a record of where each kill landed.
/// </summary>
internal sealed class KillSchedule
{
    private readonly Random _random;
    private readonly Action<string> _log;

    public KillSchedule(string phase, int phaseNumber, Action<string> log)
    {
        _log = log;
        Phase = phase;
        Seed = int.TryParse(Environment.GetEnvironmentVariable("CRASH_TEST_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var fixedSeed)
            ? fixedSeed
            : SessionSeed;
        _random = new Random(Seed * 31 + phaseNumber);
    }

    /// <summary>One seed for the whole test run, so one number replays every phase.</summary>
    public static int SessionSeed { get; } = Random.Shared.Next(1, 1_000_000);

    public string Phase { get; }

    public int Seed { get; }

    /// <summary>The uninterrupted run: from the start of the process to its first write, its last, and the end of its work.</summary>
    public TimeSpan FirstWrite { get; private set; }

    public TimeSpan LastWrite { get; private set; }

    public TimeSpan Done { get; private set; }

    public int MidWork { get; private set; }

    public int Kills { get; private set; }

    /// <summary>Printed with every failed assertion: what to set to replay this run.</summary>
    public string Replay => $"{Phase}, seed {Seed} (set CRASH_TEST_SEED={Seed} to replay)";

    /// <summary>
    /// Watches the uninterrupted run until <paramref name="done"/>, noting when <paramref name="progress"/> (a
    /// count of rows written) first rose above zero and when it last changed.
    /// </summary>
    public async Task MeasureAsync(WorkerProcess worker, Stopwatch clock, Func<long> progress, Func<bool> done, TimeSpan timeout)
    {
        TimeSpan? first = null;
        var last = TimeSpan.Zero;
        var seen = 0L;
        while (true)
        {
            var finished = done();
            var now = progress();
            if (now != seen)
            {
                first ??= clock.Elapsed;
                last = clock.Elapsed;
                seen = now;
            }

            if (finished)
            {
                break;
            }

            Assert.True(clock.Elapsed < timeout, $"{Replay}: the uninterrupted run did not finish within {timeout}:\n{worker.Output}");
            if (worker.HasExited && !done())
            {
                Assert.Fail($"{Replay}: the uninterrupted run exited ({worker.ExitCode}) before its work was done:\n{worker.Output}");
            }

            await Task.Delay(20);
        }

        Done = clock.Elapsed;
        FirstWrite = first ?? Done;
        LastWrite = first is null ? Done : last;
        _log(string.Create(CultureInfo.InvariantCulture, $"{Phase}: the uninterrupted run wrote first at {FirstWrite.TotalSeconds:0.00} s and last at {LastWrite.TotalSeconds:0.00} s, done at {Done.TotalSeconds:0.00} s ({seen:N0} rows)"));
    }

    /// <summary>
    /// When to kill: the first kill of a phase at a random moment before the uninterrupted run's first write
    /// (start-up, migrations, the first batch); the others at a random moment between its first and last write, counted from the first
    /// write of the run being killed, so that a machine slower or faster than during the measurement still
    /// has the kill land in the work rather than in the start-up or after the end.
    /// </summary>
    public (bool FromFirstWrite, TimeSpan Delay) Next(int kill) =>
        kill == 1 ? (false, FirstWrite * _random.NextDouble()) : (true, (LastWrite - FirstWrite) * _random.NextDouble());

    /// <summary>Waits as <see cref="Next"/> says, then kills <paramref name="worker"/>; returns how long it had run, and whether it had exited on its own.</summary>
    public async Task<(TimeSpan At, bool Exited)> KillAsync(int kill, WorkerProcess worker, Stopwatch clock, Func<bool> started, Func<Task>? justBefore = null)
    {
        var (fromFirstWrite, delay) = Next(kill);
        while (fromFirstWrite && !started() && !worker.HasExited)
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(90), $"{Replay}: kill {kill}: the worker wrote nothing within 90 s:\n{worker.Output}");
            await Task.Delay(10);
        }

        await Task.Delay(delay);
        if (justBefore is not null)
        {
            await justBefore();
        }

        var at = clock.Elapsed;
        var exited = worker.HasExited;
        worker.Kill();
        return (at, exited);
    }

    /// <summary>Notes where a kill landed: <paramref name="landing"/> is "before", "mid-work" or "after".</summary>
    public void Landed(TimeSpan at, string landing, string detail)
    {
        Kills++;
        if (landing == Landing.MidWork)
        {
            MidWork++;
        }

        _log(string.Create(CultureInfo.InvariantCulture, $"{Phase}: kill {Kills} at {at.TotalSeconds:0.00} s landed {landing} ({detail})"));
    }

    public static class Landing
    {
        public const string Before = "before any write";
        public const string MidWork = "mid-work";
        public const string After = "after the work was done";
    }
}
