namespace Analytics.Import;

/// <summary>The file as a whole cannot be imported (missing, empty, no usable header). The message is for the operator.</summary>
public sealed class ImportFileException : Exception
{
    public ImportFileException(string message)
        : base(message)
    {
    }

    public ImportFileException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
