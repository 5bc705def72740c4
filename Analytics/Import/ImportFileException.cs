namespace Analytics.Import;

/// <summary>
/// The file as a whole cannot be imported (missing, empty, no usable header). The message is for the operator's
/// terminal, so control characters from the file (a column name with an escape sequence) are spelled out.
/// </summary>
public sealed class ImportFileException : Exception
{
    public ImportFileException(string message)
        : base(Printable.Escape(message))
    {
    }

    public ImportFileException(string message, Exception inner)
        : base(Printable.Escape(message), inner)
    {
    }
}
