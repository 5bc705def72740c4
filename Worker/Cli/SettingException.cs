namespace Worker.Cli;

/// <summary>
/// A setting that is well-formed but cannot be used: its connection string names an unknown keyword, its file
/// cannot be created, its server cannot be reached. Thrown where the setting is known, so the operator reads
/// the setting's name beside the cause instead of a driver's stack trace that names neither.
/// </summary>
public sealed class SettingException(string setting, string problem, Exception cause)
    : Exception($"{setting}: {problem}", cause)
{
    /// <summary>The setting as the operator writes it in appsettings.json, e.g. <c>Store:ConnectionString</c>.</summary>
    public string Setting { get; } = setting;

    /// <summary>What could not be done with it ("the store cannot be opened"), without the cause.</summary>
    public string Problem { get; } = problem;
}
