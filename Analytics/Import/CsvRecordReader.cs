using System.Text;

namespace Analytics.Import;

/// <summary>
/// RFC 4180 record reader that streams and recovers. A quoted field may span lines; but when such a
/// multi-line record then has the wrong number of fields, the quote was most likely unbalanced: the
/// record's first physical line is reported as broken and reading restarts at its second line, so a
/// stray quote costs one row instead of the rest of the file.
/// </summary>
public sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly int _maxRecordLength;
    private readonly char[] _buffer = new char[64 * 1024];
    private int _position;
    private int _length;
    private string? _pushback;
    private int _pushbackPosition;
    private long _nextLine = 1;

    public CsvRecordReader(TextReader reader, char delimiter, int maxRecordLength = 8 * 1024 * 1024)
    {
        _reader = reader;
        _delimiter = delimiter;
        _maxRecordLength = maxRecordLength;
    }

    /// <summary>The number of fields a record must have; set after the header has been read. Zero: any.</summary>
    public int ExpectedFieldCount { get; set; }

    /// <summary>Reads the next record; null at the end. Broken lines come back with <see cref="CsvReadResult.Error"/>.</summary>
    public CsvReadResult? Read()
    {
        var startLine = _nextLine;
        var fields = new List<string>(Math.Max(ExpectedFieldCount, 8));
        var field = new StringBuilder();
        var raw = new StringBuilder();
        var inQuotes = false;
        var fieldStarted = false;
        var justClosedQuote = false;
        string? malformed = null;
        var physicalLines = 1;

        while (true)
        {
            var next = Next();
            if (next < 0)
            {
                if (raw.Length == 0 && fields.Count == 0)
                {
                    return null;
                }

                if (inQuotes)
                {
                    return Recover(startLine, raw, physicalLines, "unbalanced quote: the quoted field never ends");
                }

                fields.Add(field.ToString());
                return malformed is null
                    ? Finish(startLine, fields, raw, physicalLines)
                    : CsvReadResult.Broken(startLine, raw.ToString(), malformed);
            }

            var c = (char)next;
            if (raw.Length >= _maxRecordLength)
            {
                return inQuotes && physicalLines > 1
                    ? Recover(startLine, raw, physicalLines, $"unbalanced quote: a quoted field ran past {_maxRecordLength:N0} characters")
                    : SkipOversized(startLine, raw, inQuotes);
            }

            if (inQuotes)
            {
                raw.Append(c);
                if (c == '"')
                {
                    if (Peek() == '"')
                    {
                        raw.Append((char)Next());
                        field.Append('"');
                    }
                    else
                    {
                        inQuotes = false;
                        justClosedQuote = true;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _nextLine++;
                        physicalLines++;
                    }

                    field.Append(c);
                }

                continue;
            }

            if (c == '\r' || c == '\n')
            {
                if (c == '\r' && Peek() == '\n')
                {
                    Next();
                }

                _nextLine++;
                if (raw.Length == 0 && fields.Count == 0)
                {
                    // Blank line between records: not a record.
                    startLine = _nextLine;
                    continue;
                }

                fields.Add(field.ToString());
                return malformed is null
                    ? Finish(startLine, fields, raw, physicalLines)
                    : CsvReadResult.Broken(startLine, raw.ToString(), malformed);
            }

            raw.Append(c);
            if (c == _delimiter)
            {
                fields.Add(field.ToString());
                field.Clear();
                fieldStarted = false;
                justClosedQuote = false;
                continue;
            }

            if (justClosedQuote)
            {
                // "abc"def: the quoting is broken, so where this field ends is a guess; keep the row out.
                malformed ??= $"text after the closing quote of field {fields.Count + 1}";
                justClosedQuote = false;
            }

            if (c == '"' && !fieldStarted)
            {
                inQuotes = true;
                fieldStarted = true;
                continue;
            }

            // A quote inside an unquoted field, or text after a closing quote, is kept literally.
            fieldStarted = true;
            field.Append(c);
        }
    }

    private CsvReadResult Finish(long startLine, List<string> fields, StringBuilder raw, int physicalLines)
    {
        if (ExpectedFieldCount > 0 && fields.Count != ExpectedFieldCount)
        {
            if (physicalLines > 1)
            {
                return Recover(startLine, raw, physicalLines,
                    $"unbalanced quote: a quoted field ran over {physicalLines} lines and gave {fields.Count} fields where the header has {ExpectedFieldCount}");
            }

            return CsvReadResult.Broken(startLine, raw.ToString(),
                $"wrong number of fields: {fields.Count} where the header has {ExpectedFieldCount}");
        }

        return CsvReadResult.Ok(new CsvRecord(startLine, fields, raw.ToString()));
    }

    /// <summary>Reports the first physical line as broken and re-reads the rest of the record's text.</summary>
    private CsvReadResult Recover(long startLine, StringBuilder raw, int physicalLines, string reason)
    {
        var text = raw.ToString();
        var firstBreak = text.IndexOf('\n', StringComparison.Ordinal);
        if (firstBreak < 0 || physicalLines <= 1)
        {
            return CsvReadResult.Broken(startLine, text, reason);
        }

        var firstLine = text[..firstBreak].TrimEnd('\r');
        var rest = text[(firstBreak + 1)..];

        // What was consumed after the broken line is read again, from the line after it.
        var remainder = _pushback is null ? string.Empty : _pushback[_pushbackPosition..];
        _pushback = rest + "\n" + remainder;
        _pushbackPosition = 0;
        _nextLine = startLine + 1;
        if (remainder.Length == 0 && rest.Length == 0)
        {
            _pushback = null;
        }

        return CsvReadResult.Broken(startLine, firstLine, reason);
    }

    private CsvReadResult SkipOversized(long startLine, StringBuilder raw, bool inQuotes)
    {
        // Drop the rest of the physical line so the next record starts cleanly.
        var preview = raw.ToString(0, Math.Min(raw.Length, QuarantinedRow.MaxRawLength));
        if (!inQuotes)
        {
            int n;
            while ((n = Next()) >= 0 && n != '\n')
            {
            }

            _nextLine++;
        }

        return CsvReadResult.Broken(startLine, preview,
            $"record longer than {_maxRecordLength:N0} characters" + (inQuotes ? " (unbalanced quote?)" : string.Empty));
    }

    private int Next()
    {
        if (_pushback is not null)
        {
            if (_pushbackPosition < _pushback.Length)
            {
                return _pushback[_pushbackPosition++];
            }

            _pushback = null;
        }

        if (_position >= _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position++];
    }

    private int Peek()
    {
        if (_pushback is not null && _pushbackPosition < _pushback.Length)
        {
            return _pushback[_pushbackPosition];
        }

        if (_position >= _length && !Fill())
        {
            return -1;
        }

        return _buffer[_position];
    }

    private bool Fill()
    {
        _length = _reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}

/// <summary>A record, or the raw text of a line that could not be read as one.</summary>
public sealed record CsvReadResult(CsvRecord? Record, long Line, string Raw, string? Error)
{
    public static CsvReadResult Ok(CsvRecord record) => new(record, record.Line, record.Raw, null);

    public static CsvReadResult Broken(long line, string raw, string error) => new(null, line, raw, error);
}
