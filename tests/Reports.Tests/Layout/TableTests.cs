using System.Globalization;
using Reports.Layout;
using Reports.Tests.Support;

namespace Reports.Tests.Layout;

public sealed class TableTests
{
    private static readonly TableColumn[] Columns =
    [
        TableColumn.Text("Ticket", 1.2f),
        TableColumn.Text("Title", 4f),
        TableColumn.Number("Age", 0.8f),
    ];

    private static readonly int[] Numbers = [7, 1234, 56, 99999];

    private static IReadOnlyList<string> Row(int i) =>
        [$"INC{i:000000}", $"Printer on floor {i} is offline", (i * 3).ToString(CultureInfo.InvariantCulture)];

    [Fact]
    public void Table_With300Rows_RepeatsHeaderOnEveryPage()
    {
        var doc = SampleDocuments.New()
            .Add(new Heading("Open tickets"))
            .Add(new Table(Columns, Enumerable.Range(1, 300).Select(Row).ToList()));

        using var pdf = RenderedPdf.Render(doc, "table-300");

        Assert.True(pdf.PageCount >= 3, $"300 rows should need several pages, got {pdf.PageCount}");
        var seen = new List<string>();
        foreach (var page in pdf.Pages())
        {
            var words = page.GetWords().ToList();
            var ids = words.Where(w => w.Text.StartsWith("INC", StringComparison.Ordinal)).ToList();
            Assert.NotEmpty(ids);
            var headers = words.Where(w => w.Text == "Ticket").ToList();
            Assert.Single(headers);
            Assert.Contains(words, w => w.Text == "Title");
            Assert.Contains(words, w => w.Text == "Age");
            Assert.All(ids, id => Assert.True(id.BoundingBox.Top < headers[0].BoundingBox.Bottom, $"{id.Text} on page {page.Number} is above the header row"));
            seen.AddRange(ids.Select(w => w.Text));
        }

        Assert.Equal(Enumerable.Range(1, 300).Select(i => $"INC{i:000000}"), seen);
    }

    [Fact]
    public void Table_NumericColumn_IsRightAligned_TextColumnLeftAligned()
    {
        var rows = Numbers
            .Select(n => (IReadOnlyList<string>)[$"T{n}", "text", n.ToString(CultureInfo.InvariantCulture)])
            .ToList();
        using var pdf = RenderedPdf.Render(SampleDocuments.New().Add(new Table(Columns, rows)), "table-align");

        var words = pdf.Page(1).GetWords().ToList();
        var numbers = words.Where(w => w.Text is "7" or "1234" or "56" or "99999").ToList();
        var ids = words.Where(w => w.Text.StartsWith('T') && w.Text.Length > 1 && char.IsDigit(w.Text[1])).ToList();
        Assert.Equal(4, numbers.Count);
        Assert.Equal(4, ids.Count);
        Assert.True(numbers.Max(w => w.BoundingBox.Right) - numbers.Min(w => w.BoundingBox.Right) < 1.0, "numbers share a right edge");
        Assert.True(numbers.Max(w => w.BoundingBox.Left) - numbers.Min(w => w.BoundingBox.Left) > 10, "numbers of different length do not share a left edge");
        Assert.True(ids.Max(w => w.BoundingBox.Left) - ids.Min(w => w.BoundingBox.Left) < 1.0, "text shares a left edge");
    }

    [Fact]
    public void Table_VeryLongCell_WrapsAndIsCutWithEllipsisAfterMaxLines()
    {
        string longText = "Start " + SampleDocuments.Words(300, 5) + " Finale";
        var table = new Table(Columns, [["INC1", longText, "1"], ["INC2", "short", "2"]]) { MaxLinesPerCell = 2 };

        using var pdf = RenderedPdf.Render(SampleDocuments.New().Add(table), "table-ellipsis");

        var words = pdf.Page(1).GetWords().ToList();
        string text = pdf.CompactText(1);
        Assert.Contains("Start", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Finale", text, StringComparison.Ordinal);
        Assert.Contains("\u2026", text, StringComparison.Ordinal);
        var start = words.Single(w => w.Text == "Start");
        var inc2 = words.Single(w => w.Text == "INC2");
        // Two lines of 8.5 pt text plus padding: about 30 pt from one row to the next (one line: 19, three: 42).
        Assert.InRange(start.BoundingBox.Bottom - inc2.BoundingBox.Bottom, 25, 36);
    }

    [Fact]
    public void Table_HeaderWord_IsNotBrokenByCharacter()
    {
        TableColumn[] narrow = [TableColumn.Text("Title", 10f), TableColumn.Number("Reassigned", 0.5f)];
        using var pdf = RenderedPdf.Render(SampleDocuments.New().Add(new Table(narrow, [["a", "1"]])), "table-header-word");

        Assert.Contains(pdf.Page(1).GetWords(), w => w.Text == "Reassigned");
    }
}
