namespace Analytics.Import;

/// <summary>
/// RFC 4180 record reader that streams and recovers. A quoted field may span lines; but when such a
/// multi-line record then has the wrong number of fields, the quote was most likely unbalanced: the
/// record's first physical line is reported as broken and reading restarts at its second line, so a
/// stray quote costs one row instead of the rest of the file.
/// </summary>
/// <remarks>
/// The whole record is kept in one buffer while it is parsed, so fields are sliced out of it with
/// vectorised searches instead of being copied character by character, and recovery is just moving
/// the read position back to the record's second line. The buffer grows up to the record size limit.
/// </remarks>
public sealed class CsvRecordReader : IRecordReader
{
    private const int InitialBuffer = 64 * 1024;

    private readonly TextReader _reader;
    private readonly char _delimiter;
    private readonly int _maxRecordLength;
    private readonly System.Buffers.SearchValues<char> _recordSpecials;
    private char[] _buffer = new char[InitialBuffer];
    private int _position;
    private int _length;
    private bool _endOfInput;
    private long _nextLine = 1;

    public CsvRecordReader(TextReader reader, char delimiter, int maxRecordLength = 8 * 1024 * 1024)
    {
        _reader = reader;
        _delimiter = delimiter;
        _maxRecordLength = maxRecordLength;
        _recordSpecials = System.Buffers.SearchValues.Create(['"', '\r', '\n']);
    }

    /// <summary>The number of fields a record must have; set after the header has been read. Zero: any.</summary>
    public int ExpectedFieldCount { get; set; }

    /// <summary>Reads the next record; null at the end. Broken lines come back with <see cref="CsvReadResult.Error"/>.</summary>
    public CsvReadResult? Read()
    {
        while (true)
        {
            if (!FindRecord(out var end, out var next, out var physicalLines, out var unterminatedQuote))
            {
                return null;
            }

            var startLine = _nextLine;
            var start = _position;
            if (end == start && !unterminatedQuote)
            {
                // Blank line between records: not a record.
                _position = next;
                _nextLine++;
                continue;
            }

            if (end - start > _maxRecordLength)
            {
                if (unterminatedQuote && physicalLines == 1 && !_endOfInput)
                {
                    // One huge quoted field on one line (an attachment, a pasted log): no stray quote, just too long.
                    return SkipOversizedField(startLine, start);
                }

                if (!unterminatedQuote && physicalLines > 1 && IsWholeRecord(start, end))
                {
                    // A long multi-line field whose quotes balance and whose fields add up: too long, not broken.
                    _position = next;
                    _nextLine += physicalLines;
                    return CsvReadResult.Broken(startLine, Raw(start, start + QuarantinedRow.MaxRawLength), $"record longer than {_maxRecordLength:N0} characters");
                }

                if (unterminatedQuote || physicalLines > 1)
                {
                    return Recover(startLine, start, end, $"unbalanced quote: a quoted field ran past {_maxRecordLength:N0} characters");
                }

                _position = next;
                _nextLine += physicalLines;
                return CsvReadResult.Broken(startLine, Raw(start, start + QuarantinedRow.MaxRawLength), $"record longer than {_maxRecordLength:N0} characters");
            }

            if (unterminatedQuote)
            {
                return Recover(startLine, start, end, "unbalanced quote: the quoted field never ends");
            }

            var fields = new List<string>(Math.Max(ExpectedFieldCount, 8));
            var malformed = SplitFields(start, end, fields);
            if (malformed is not null)
            {
                if (physicalLines > 1)
                {
                    return Recover(startLine, start, end, malformed);
                }

                _position = next;
                _nextLine++;
                return CsvReadResult.Broken(startLine, Raw(start, end), malformed);
            }

            if (ExpectedFieldCount > 0 && fields.Count != ExpectedFieldCount)
            {
                if (physicalLines > 1)
                {
                    return Recover(startLine, start, end,
                        $"unbalanced quote: a quoted field ran over {physicalLines} lines and gave {fields.Count} fields where the header has {ExpectedFieldCount}");
                }

                _position = next;
                _nextLine++;
                return CsvReadResult.Broken(startLine, Raw(start, end), $"wrong number of fields: {fields.Count} where the header has {ExpectedFieldCount}");
            }

            var raw = Raw(start, end);
            _position = next;
            _nextLine += physicalLines;
            return CsvReadResult.Ok(new CsvRecord(startLine, fields, raw));
        }
    }

    /// <summary>
    /// Locates the record starting at the read position: [position, end) is its text, next is where the
    /// following record starts. Refills and grows the buffer until the record is complete.
    /// </summary>
    private bool FindRecord(out int end, out int next, out int physicalLines, out bool unterminatedQuote)
    {
        while (true)
        {
            var scan = _position;
            var inQuotes = false;
            physicalLines = 1;
            while (true)
            {
                var span = _buffer.AsSpan(scan, _length - scan);
                if (inQuotes)
                {
                    var quote = span.IndexOf('"');
                    var upTo = quote < 0 ? span : span[..quote];
                    physicalLines += upTo.Count('\n');
                    if (quote < 0)
                    {
                        break;
                    }

                    inQuotes = false;
                    scan += quote + 1;
                    continue;
                }

                var special = span.IndexOfAny(_recordSpecials);
                if (special < 0)
                {
                    break;
                }

                var at = scan + special;
                var c = _buffer[at];
                if (c == '"')
                {
                    inQuotes = true;
                    scan = at + 1;
                    continue;
                }

                if (c == '\r' && at + 1 >= _length && !_endOfInput)
                {
                    // "\r" at the buffer's end may be the first half of "\r\n": read on before deciding.
                    break;
                }

                end = at;
                next = c == '\r' && at + 1 < _length && _buffer[at + 1] == '\n' ? at + 2 : at + 1;
                unterminatedQuote = false;
                return true;
            }

            if (_endOfInput)
            {
                if (_position >= _length)
                {
                    end = next = _position;
                    unterminatedQuote = false;
                    return false;
                }

                end = next = _length;
                unterminatedQuote = inQuotes;
                return true;
            }

            if (_length - _position > _maxRecordLength + 2)
            {
                // Too long to be a record: hand back what there is and let Read decide how to skip it.
                end = next = _length;
                unterminatedQuote = inQuotes;
                if (!inQuotes)
                {
                    next = SkipToNextLine();
                    end = _length;
                }

                return true;
            }

            Fill();
        }
    }

    private bool IsWholeRecord(int start, int end)
    {
        var fields = new List<string>();
        return SplitFields(start, end, fields) is null && (ExpectedFieldCount == 0 || fields.Count == ExpectedFieldCount);
    }

    /// <summary>Splits [start, end) into fields; returns why the quoting is broken, or null.</summary>
    private string? SplitFields(int start, int end, List<string> fields)
    {
        var i = start;
        while (true)
        {
            if (i < end && _buffer[i] == '"')
            {
                var (value, after, error) = QuotedField(i + 1, end, fields.Count + 1);
                if (error is not null)
                {
                    return error;
                }

                fields.Add(value);
                if (after >= end)
                {
                    return null;
                }

                i = after + 1;
                continue;
            }

            var rest = _buffer.AsSpan(i, end - i);
            var delimiter = rest.IndexOf(_delimiter);
            if (delimiter < 0)
            {
                fields.Add(new string(rest));
                return null;
            }

            fields.Add(new string(rest[..delimiter]));
            i += delimiter + 1;
        }
    }

    private (string Value, int After, string? Error) QuotedField(int i, int end, int fieldNumber)
    {
        System.Text.StringBuilder? unescaped = null;
        var segmentStart = i;
        while (true)
        {
            var quote = _buffer.AsSpan(i, end - i).IndexOf('"');
            if (quote < 0)
            {
                return (string.Empty, end, $"unbalanced quote in field {fieldNumber}");
            }

            var at = i + quote;
            if (at + 1 < end && _buffer[at + 1] == '"')
            {
                unescaped ??= new System.Text.StringBuilder();
                unescaped.Append(_buffer, segmentStart, at + 1 - segmentStart);
                i = at + 2;
                segmentStart = i;
                continue;
            }

            string value;
            if (unescaped is null)
            {
                value = new string(_buffer, segmentStart, at - segmentStart);
            }
            else
            {
                unescaped.Append(_buffer, segmentStart, at - segmentStart);
                value = unescaped.ToString();
            }

            var after = at + 1;
            if (after < end && _buffer[after] != _delimiter)
            {
                // "abc"def: the quoting is broken, so where this field ends is a guess; keep the row out.
                return (value, after, $"text after the closing quote of field {fieldNumber}");
            }

            return (value, after, null);
        }
    }

    /// <summary>Reports the record's first physical line as broken and continues from its second line.</summary>
    private CsvReadResult Recover(long startLine, int start, int end, string reason)
    {
        var firstBreak = _buffer.AsSpan(start, end - start).IndexOfAny('\r', '\n');
        if (firstBreak < 0)
        {
            _position = end;
            _nextLine++;
            return CsvReadResult.Broken(startLine, Raw(start, end), reason);
        }

        var lineEnd = start + firstBreak;
        var next = lineEnd + 1;
        if (_buffer[lineEnd] == '\r' && next < _length && _buffer[next] == '\n')
        {
            next++;
        }

        _position = next;
        _nextLine = startLine + 1;
        return CsvReadResult.Broken(startLine, Raw(start, lineEnd), reason);
    }

    /// <summary>
    /// Drops the rest of a record whose quoted field outgrew the limit: reads on, minding quotes, to the record's
    /// real end, counting the lines in between, so it is reported once and the records after it keep their lines.
    /// </summary>
    private CsvReadResult SkipOversizedField(long startLine, int start)
    {
        var raw = Raw(start, start + QuarantinedRow.MaxRawLength);
        var lines = 1L;
        var inQuotes = true;
        _position = _length;
        while (true)
        {
            if (_position >= _length)
            {
                if (_endOfInput)
                {
                    break;
                }

                Fill();
                continue;
            }

            var span = _buffer.AsSpan(_position, _length - _position);
            if (inQuotes)
            {
                var quote = span.IndexOf('"');
                lines += (quote < 0 ? span : span[..quote]).Count('\n');
                _position = quote < 0 ? _length : _position + quote + 1;
                inQuotes = quote < 0;
                continue;
            }

            var special = span.IndexOfAny(_recordSpecials);
            if (special < 0)
            {
                _position = _length;
                continue;
            }

            var at = _position + special;
            _position = at + 1;
            if (_buffer[at] == '"')
            {
                inQuotes = true;
                continue;
            }

            if (_buffer[at] == '\r')
            {
                if (_position >= _length && !_endOfInput)
                {
                    Fill();
                }

                if (_position < _length && _buffer[_position] == '\n')
                {
                    _position++;
                }
            }

            break;
        }

        _nextLine = startLine + lines;
        var reason = inQuotes
            ? "unbalanced quote: the quoted field never ends"
            : $"a field longer than {_maxRecordLength:N0} characters";
        return CsvReadResult.Broken(startLine, raw, reason);
    }

    private int SkipToNextLine()
    {
        // Drop the oversized line: keep reading until its end, discarding what is in between.
        while (true)
        {
            var newline = _buffer.AsSpan(_position + _maxRecordLength, _length - _position - _maxRecordLength).IndexOf('\n');
            if (newline >= 0)
            {
                return _position + _maxRecordLength + newline + 1;
            }

            if (_endOfInput)
            {
                return _length;
            }

            // Keep the first part (for the quarantine) and drop the rest of what was read.
            _length = _position + _maxRecordLength + 1;
            Fill();
        }
    }

    private string Raw(int start, int end) => new(_buffer, start, Math.Min(end, _length) - start);

    private void Fill()
    {
        if (_position > 0)
        {
            Array.Copy(_buffer, _position, _buffer, 0, _length - _position);
            _length -= _position;
            _position = 0;
        }

        if (_length == _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, _maxRecordLength + InitialBuffer + 2));
        }

        var read = _reader.Read(_buffer, _length, _buffer.Length - _length);
        if (read == 0)
        {
            _endOfInput = true;
        }

        _length += read;
    }
}

/// <summary>A record, or the raw text of a line that could not be read as one.</summary>
public sealed record CsvReadResult(CsvRecord? Record, long Line, string Raw, string? Error)
{
    public static CsvReadResult Ok(CsvRecord record) => new(record, record.Line, record.Raw, null);

    public static CsvReadResult Broken(long line, string raw, string error) => new(null, line, raw, error);
}
