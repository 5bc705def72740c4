using Worker.Tests.Cli;
using Worker.Tests.Support;

namespace Worker.Tests.Reporting;

/// <summary><c>report ... --preview</c> as an operator runs it: the mail as one HTML file, charts inline, no PDF unless --out asks.</summary>
public sealed class MailSizePreviewTests(DemoStore store) : IClassFixture<DemoStore>
{
    [Fact]
    public async Task Preview_WritesTheMailAsHtmlWithTheChartInline_AndNeverOverAFile()
    {
        var output = store.Folder.File("weekly-preview.html");

        var (exit, text) = await store.RunAsync("report", "weekly", "--team", "Workplace", "--week", "2026-W47", "--preview", output);

        Assert.True(exit == 0, text);
        Assert.Contains("Mail preview", text, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(output);
        Assert.Contains("<meta name=\"viewport\"", html, StringComparison.Ordinal);
        Assert.Contains("src=\"data:image/png;base64,", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cid:", html, StringComparison.Ordinal);
        Assert.Contains("Attachment: weekly-workplace-2026-W47.pdf", html, StringComparison.Ordinal);

        var (again, message) = await store.RunAsync("report", "weekly", "--team", "Workplace", "--week", "2026-W47", "--preview", output);
        Assert.Equal(2, again);
        Assert.Contains("already exists", message, StringComparison.Ordinal);
    }
}
