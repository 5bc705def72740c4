using System.CommandLine;

namespace Worker.Cli;

/// <summary>How a reporting command writes its figures: the tables for a person, or one document for a script.</summary>
public enum OutputFormat
{
    Table,
    Json,
    Csv,
}

/// <summary>
/// The <c>--output</c> and <c>--table</c> options of the reporting commands. A wrong value is said in one line
/// naming the option (exit 2) by the command itself: the parser's own error would print the whole help and exit 1.
/// </summary>
public static class OutputOptions
{
    public static Option<string> Format() => new("--output")
    {
        Description = "table (default), json or csv. json is one document of named arrays (camelCase names, invariant numbers, shares as fractions, "
            + "ISO dates and weeks, null where a figure is unknown); csv is one table with a header row (RFC 4180). With json or csv, standard "
            + "output holds nothing but the document: notes and warnings go to standard error.",
        HelpName = "table|json|csv",
        DefaultValueFactory = _ => "table",
    };

    /// <summary>The <c>--table</c> option of a command whose output has several tables; the first named is the default.</summary>
    public static Option<string?> Table(params string[] names) => new("--table")
    {
        Description = $"With --output csv, the table to write: {string.Join(", ", names)} (default: {names[0]}). json holds them all.",
        HelpName = string.Join("|", names),
    };

    /// <summary>The format asked for; false, with one line on stderr, when the value is none of them.</summary>
    public static bool TryResolve(string command, string? text, out OutputFormat format)
    {
        format = OutputFormat.Table;
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "table":
                return true;
            case "json":
                format = OutputFormat.Json;
                return true;
            case "csv":
                format = OutputFormat.Csv;
                return true;
            default:
                Console.Error.WriteLine($"{command}: --output must be table, json or csv, not '{text}'.");
                return false;
        }
    }

    /// <summary>False, with one line on stderr, when <c>--table</c> is given without <c>--output csv</c>: it would be ignored.</summary>
    public static bool CheckTable(string command, string? table, OutputFormat format)
    {
        if (table is null || format == OutputFormat.Csv)
        {
            return true;
        }

        Console.Error.WriteLine($"{command}: --table chooses the table of --output csv; with --output {format.ToString().ToLowerInvariant()} leave it out.");
        return false;
    }

    /// <summary>False, with one line on stderr naming the option and its range, when <paramref name="value"/> lies outside it.</summary>
    public static bool CheckRange(string command, string option, int value, int min, int max, string? why = null)
    {
        if (value >= min && value <= max)
        {
            return true;
        }

        Console.Error.WriteLine($"{command}: {option} must be between {min} and {max}{(why is null ? "" : $" ({why})")}, not {value}.");
        return false;
    }
}
