namespace Worker.Reporting;

/// <summary>
/// Writes a report PDF into the week's folder without ever replacing a file. The bytes go to a temporary
/// file that is then moved into place without overwrite, so a reader (or a crash) sees the whole file or none.
/// <para>
/// When the file is already there, an earlier run produced this very report (same kind, scope and week:
/// <see cref="Reports.Documents.ReportFileNames"/> gives different scopes different names) and it is kept.
/// That matches the outbox, which keys a mail by report, week, scope and recipient and queues it once: the
/// PDF in the folder is the one the readers were (or will be) sent, not a later rendering nobody received.
/// To produce a week again on purpose, remove its file (or folder) and re-queue the mails with the mail command.
/// </para>
/// </summary>
internal static class ReportFileWriter
{
    /// <summary>Writes <paramref name="pdf"/> as <paramref name="fileName"/> in <paramref name="folder"/>, or returns the bytes of the file already there.</summary>
    public static async Task<(bool Written, byte[] Pdf)> WriteOnceAsync(string folder, string fileName, byte[] pdf, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(folder, fileName));
        if (!string.Equals(Path.GetDirectoryName(path), Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal))
        {
            // ReportFileNames never makes such a name; this guards the folder against a future change that would.
            throw new InvalidOperationException($"The report file name '{fileName}' would leave the report folder {folder}.");
        }

        if (File.Exists(path))
        {
            return (false, await File.ReadAllBytesAsync(path, cancellationToken));
        }

        // A unique temporary name: two workers producing the same week never write into each other's file.
        var temporary = Path.Combine(folder, $".{Guid.NewGuid():N}.pdf.tmp");
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await file.WriteAsync(pdf, cancellationToken);
                await file.FlushAsync(cancellationToken);
            }

            File.Move(temporary, path, overwrite: false);
            return (true, pdf);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another run finished the same report first: keep its file, as above.
            return (false, await File.ReadAllBytesAsync(path, cancellationToken));
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
