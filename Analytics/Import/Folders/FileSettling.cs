namespace Analytics.Import.Folders;

/// <summary>
/// Decides when a dropped file is complete: its size and last-write time have stayed the same, as seen by this
/// process, for the settle time. The file's own time stamps are not trusted for that: copy tools may set the
/// last-write time to the source's before they have written the data.
/// </summary>
internal sealed class FileSettling(TimeSpan settleTime)
{
    private readonly Dictionary<string, Seen> _seen = new(StringComparer.Ordinal);

    /// <summary>Null when the file has settled; otherwise the earliest moment it can have.</summary>
    public DateTimeOffset? Observe(string path, long length, DateTime lastWriteUtc, DateTimeOffset now)
    {
        if (_seen.TryGetValue(path, out var seen) && seen.Length == length && seen.LastWriteUtc == lastWriteUtc)
        {
            return now - seen.Since >= settleTime ? null : seen.Since + settleTime;
        }

        _seen[path] = new Seen(length, lastWriteUtc, now);
        return settleTime <= TimeSpan.Zero ? null : now + settleTime;
    }

    /// <summary>Starts the wait again, as for a file that is still open for writing.</summary>
    public void Forget(string path) => _seen.Remove(path);

    /// <summary>Drops what is known of files no longer in the folder.</summary>
    public void KeepOnly(IReadOnlySet<string> present)
    {
        foreach (var path in _seen.Keys.Where(p => !present.Contains(p)).ToList())
        {
            _seen.Remove(path);
        }
    }

    private readonly record struct Seen(long Length, DateTime LastWriteUtc, DateTimeOffset Since);
}
