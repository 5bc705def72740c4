namespace Worker.Checks;

/// <summary>How one check of the installation came out.</summary>
public enum CheckStatus
{
    Ok,

    /// <summary>Worth fixing, but the worker does its work: it does not fail <c>check</c>.</summary>
    Warning,

    /// <summary>Something the worker needs does not work: <c>check</c> exits 1.</summary>
    Failed,

    /// <summary>Not checked because a check it depends on failed (the store).</summary>
    Skipped,
}

/// <summary>One line of <c>check</c>: what was checked, and the outcome in words (for a failure: cause and what to do).</summary>
public sealed record CheckResult(CheckStatus Status, string Subject, string Message)
{
    public static CheckResult Ok(string subject, string message) => new(CheckStatus.Ok, subject, message);

    public static CheckResult Warning(string subject, string message) => new(CheckStatus.Warning, subject, message);

    public static CheckResult Failed(string subject, string message) => new(CheckStatus.Failed, subject, message);

    public static CheckResult Skipped(string subject, string message) => new(CheckStatus.Skipped, subject, message);

    /// <summary>Plain text, no colour or symbols a redirected log could mangle: "FAIL store: ...".</summary>
    public override string ToString()
    {
        var mark = Status switch
        {
            CheckStatus.Ok => "ok  ",
            CheckStatus.Warning => "warn",
            CheckStatus.Failed => "FAIL",
            _ => "skip",
        };
        return $"{mark} {Subject}: {OneLine(Message)}";
    }

    /// <summary>Driver and server messages may span lines; a check stays one line.</summary>
    internal static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(c => char.IsControl(c) ? '?' : c)
            .Aggregate(new System.Text.StringBuilder(), (sb, c) => sb.Append(c), sb => sb.ToString());
}
