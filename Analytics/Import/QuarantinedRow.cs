namespace Analytics.Import;

/// <summary>A row, or one field of it, that could not be imported, with where it is and why.</summary>
public sealed record QuarantinedRow(
    string FileFingerprint,
    string FileName,
    long Line,
    string Field,
    string? RawValue,
    string Reason)
{
    /// <summary>A column name from the file: control characters spelled out, as it is echoed in messages.</summary>
    public string Field { get; init; } = Printable.Escape(Field);

    /// <summary>The value as read, NUL characters made visible: PostgreSQL text cannot hold them, and a broken line may.</summary>
    public string? RawValue { get; init; } = RawValue?.Replace('\0', '\uFFFD');

    /// <summary>Why: reasons quote values from the file (a key, a date), so control characters are spelled out.</summary>
    public string Reason { get; init; } = Printable.Escape(Reason);

    /// <summary>Raw values are kept for diagnosis but capped so one huge field cannot bloat the store.</summary>
    public const int MaxRawLength = 4_000;

    public static string? Cap(string? raw) =>
        raw is null || raw.Length <= MaxRawLength ? raw : string.Concat(raw.AsSpan(0, MaxRawLength), "…");

    public override string ToString() => $"{Printable.Escape(FileName)}:{Line}: field '{Field}': {Reason}";
}
