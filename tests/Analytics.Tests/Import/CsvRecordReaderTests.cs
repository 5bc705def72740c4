using Analytics.Import;

namespace Analytics.Tests.Import;

public sealed class CsvRecordReaderTests
{
    private static List<CsvReadResult> ReadAll(string text, int expected = 3, int maxRecordLength = 8 * 1024 * 1024)
    {
        var reader = new CsvRecordReader(new StringReader(text), ',', maxRecordLength) { ExpectedFieldCount = expected };
        var results = new List<CsvReadResult>();
        while (reader.Read() is { } r)
        {
            results.Add(r);
        }

        return results;
    }

    [Fact]
    public void QuotedFields_WithDelimitersQuotesAndNewlines_AreUnescaped()
    {
        var results = ReadAll("a,\"b,1\",\"say \"\"hi\"\"\"\nx,\"two\nlines\",z\n");

        Assert.Equal(["a", "b,1", "say \"hi\""], results[0].Record!.Fields);
        Assert.Equal(["x", "two\nlines", "z"], results[1].Record!.Fields);
        Assert.Equal([1L, 2L], results.Select(r => r.Line));
    }

    [Fact]
    public void LineNumbers_CountPhysicalLines_AfterMultiLineRecords()
    {
        var results = ReadAll("a,\"1\n2\n3\",c\nd,e,f\r\ng,h,i");

        Assert.Equal([1L, 4L, 5L], results.Select(r => r.Line));
        Assert.Equal(["g", "h", "i"], results[2].Record!.Fields);
    }

    [Fact]
    public void UnbalancedQuote_CostsOneLine_AndReadingResumesOnTheNext()
    {
        var results = ReadAll("a,\"broken,c\nd,e,f\ng,h,i\n");

        Assert.Null(results[0].Record);
        Assert.Equal(1, results[0].Line);
        Assert.Equal("a,\"broken,c", results[0].Raw);
        Assert.Equal(["d", "e", "f"], results[1].Record!.Fields);
        Assert.Equal(2, results[1].Line);
        Assert.Equal(3, results[2].Line);
    }

    [Fact]
    public void OversizedQuotedField_IsReportedOnce_AndTheNextRecordsKeepTheirLines()
    {
        // Longer than the reader's buffer, so the field is still open when the limit is reached.
        var results = ReadAll("a,b,c\n1,\"" + new string('x', 200_000) + "\"\"y\",3\nd,e,f\r\ng,h,i\n", maxRecordLength: 100);

        Assert.Equal(4, results.Count);
        Assert.Null(results[1].Record);
        Assert.Equal(2, results[1].Line);
        Assert.Contains("longer than 100", results[1].Error, StringComparison.Ordinal);
        Assert.Equal((3L, "d"), (results[2].Line, results[2].Record!.Fields[0]));
        Assert.Equal((4L, "g"), (results[3].Line, results[3].Record!.Fields[0]));
    }

    [Fact]
    public void OversizedQuotedField_ThatGoesOnOverLines_CountsThoseLines()
    {
        var results = ReadAll("a,b,c\n1,\"" + new string('x', 500) + "\nmore\nlines\",3\nd,e,f\n", maxRecordLength: 100);

        Assert.Equal(3, results.Count);
        Assert.Equal((2L, (CsvRecord?)null), (results[1].Line, results[1].Record));
        Assert.Equal((5L, "d"), (results[2].Line, results[2].Record!.Fields[0]));
    }

    [Fact]
    public void OversizedLine_IsReportedAndSkipped()
    {
        var results = ReadAll("a,b,c\n" + new string('x', 500) + "\nd,e,f\n", maxRecordLength: 100);

        Assert.Equal(3, results.Count);
        Assert.Contains("longer than", results[1].Error, StringComparison.Ordinal);
        Assert.Equal(2, results[1].Line);
        Assert.Equal(["d", "e", "f"], results[2].Record!.Fields);
        Assert.Equal(3, results[2].Line);
    }

    [Fact]
    public void OversizedUnclosedQuote_RecoversAtTheNextLine()
    {
        var rows = string.Concat(Enumerable.Range(0, 50).Select(i => $"r{i},b,c\n"));
        var results = ReadAll("a,\"open,c\n" + rows, maxRecordLength: 100);

        Assert.Null(results[0].Record);
        Assert.Equal(50, results.Count(r => r.Record is not null));
        Assert.Equal(51, results[^1].Line);
    }

    [Fact]
    public void RecordAcrossBufferBoundaries_IsReadWhole()
    {
        var big = new string('y', 200_000);
        var results = ReadAll($"a,\"{big}\",c\nd,e,f\n");

        Assert.Equal(big, results[0].Record!.Fields[1]);
        Assert.Equal(["d", "e", "f"], results[1].Record!.Fields);
    }

    [Fact]
    public void CarriageReturnSplitAcrossReads_IsOneLineBreak()
    {
        // A reader that hands out one character at a time puts every "\r\n" across a refill.
        var reader = new CsvRecordReader(new OneCharReader("a,b,c\r\nd,e,f\r\n"), ',') { ExpectedFieldCount = 3 };

        Assert.Equal(1, reader.Read()!.Line);
        Assert.Equal(2, reader.Read()!.Line);
        Assert.Null(reader.Read());
    }

    private sealed class OneCharReader(string text) : TextReader
    {
        private int _position;

        public override int Read(char[] buffer, int index, int count)
        {
            if (_position >= text.Length || count == 0)
            {
                return 0;
            }

            buffer[index] = text[_position++];
            return 1;
        }
    }
}
