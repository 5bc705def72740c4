namespace Analytics.Import;

/// <summary>The spellings ticketing exports use for "no value".</summary>
public static class MissingValues
{
    public static bool IsMissing(string? value)
    {
        if (value is null)
        {
            return true;
        }

        var trimmed = value.AsSpan().Trim();
        return trimmed.Length == 0
            || trimmed is "?" or "-"
            || trimmed.Equals("NULL", StringComparison.OrdinalIgnoreCase)
            || trimmed.Equals("N/A", StringComparison.OrdinalIgnoreCase);
    }
}
