using Analytics.Calendar;

namespace Worker.Cli;

/// <summary>The <c>--as-of</c> option of the reporting commands: the moment the figures are computed as of.</summary>
internal static class CliAsOf
{
    public static System.CommandLine.Option<string?> Option() =>
        new("--as-of") { Description = $"Compute as of this moment instead of now: {AsOfClock.Forms}. Only tickets known by then count; forecasts start from it." };

    /// <summary>The clock to run the command on; false with a message on stderr when the text is no moment.</summary>
    public static bool TryParse(string? text, string departmentZone, out AsOfClock? clock)
    {
        clock = null;
        if (text is null || AsOfClock.TryParse(text, departmentZone, out clock))
        {
            return true;
        }

        Console.Error.WriteLine($"--as-of: '{text}' is not {AsOfClock.Forms}.");
        return false;
    }
}
