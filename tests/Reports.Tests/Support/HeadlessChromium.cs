using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Reports.Tests.Support;

/// <summary>
/// Debian's chromium, headless, as a phone-sized browser: loads an HTML file at a given window width
/// and reports how wide the page really is, or takes a screenshot of it.
/// </summary>
internal static partial class HeadlessChromium
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

    // Chromium will not make a window narrower than 500 px, so the page is shown in a frame of the
    // asked-for width (srcdoc: same origin, so the probe may read the frame's document).
    private const int FrameHeight = 2400;

    /// <summary>The frame's viewport width and the page's scroll width after the page and its images loaded.</summary>
    public static (int Viewport, int Content) Widths(string html, int width)
    {
        // Written into the DOM after load, read back from --dump-dom: the widest element decides.
        const string Probe = "<script>window.addEventListener('load',function(){var f=document.getElementById('mail'),d=f.contentDocument,w=f.contentWindow;"
            + "var p=document.createElement('pre');p.textContent='viewport='+w.innerWidth+' content='+Math.max(d.documentElement.scrollWidth,d.body.scrollWidth);document.body.appendChild(p);});</script>";
        var dom = Run(Framed(html, width) + Probe, Math.Max(width, 500) + 40, 1200, "--dump-dom");
        var match = ProbeLine().Match(dom);
        Assert.True(match.Success, $"chromium did not run the width probe; its output began: {dom[..Math.Min(400, dom.Length)]}");
        return (int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>A PNG of the page in a frame of the given width, saved to <paramref name="path"/>.</summary>
    public static void Screenshot(string html, int width, string path)
    {
        Run(Framed(html, width), Math.Max(width, 500), FrameHeight, $"--screenshot={path}");
        Assert.True(File.Exists(path), $"chromium wrote no screenshot to {path}");
    }

    private static string Framed(string html, int width) =>
        "<!DOCTYPE html><html><body style=\"margin:0;background:#888;\"><iframe id=\"mail\" style=\"display:block;border:0;width:" + width + "px;height:" + FrameHeight + "px;\" srcdoc=\""
        + System.Net.WebUtility.HtmlEncode(html) + "\"></iframe></body></html>";

    private static string Run(string html, int width, int height, string action)
    {
        var executable = Candidates.FirstOrDefault(File.Exists);
        Assert.True(executable is not null, "chromium is not installed; ./test.sh installs it (Debian package chromium).");
        var folder = Directory.CreateTempSubdirectory("mail-chromium-").FullName;
        try
        {
            var page = Path.Combine(folder, "mail.html");
            File.WriteAllText(page, html);
            var start = new ProcessStartInfo(executable!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[]
            {
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions",
                $"--user-data-dir={Path.Combine(folder, "profile")}", $"--window-size={width},{height}", "--virtual-time-budget=5000",
                action, new Uri(page).AbsoluteUri,
            })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("chromium did not start");
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(TimeSpan.FromSeconds(90)), "chromium did not finish within 90 s");
            Assert.True(process.ExitCode == 0, $"chromium exited {process.ExitCode}: {stderr.Result}");
            return stdout.Result;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex(@"viewport=(\d+) content=(\d+)")]
    private static partial Regex ProbeLine();
}
