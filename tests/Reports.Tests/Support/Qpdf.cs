using System.Diagnostics;

namespace Reports.Tests.Support;

/// <summary>Runs Debian's qpdf on a PDF and fails the test with qpdf's own words when the file is not sound.</summary>
internal static class Qpdf
{
    public static void AssertValid(byte[] pdf, string name)
    {
        string path = Path.Combine(Path.GetTempPath(), $"qpdf-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            var start = new ProcessStartInfo("qpdf")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("--check");
            start.ArgumentList.Add(path);

            Process process;
            try
            {
                process = Process.Start(start) ?? throw new InvalidOperationException("qpdf did not start");
            }
            catch (System.ComponentModel.Win32Exception ex)
            {
                Assert.Fail($"qpdf is not installed ({ex.Message}); ./test.sh installs it (Debian package qpdf).");
                return;
            }

            using (process)
            {
                var stdout = process.StandardOutput.ReadToEndAsync();
                var stderr = process.StandardError.ReadToEndAsync();
                process.WaitForExit();
                // 0: no errors or warnings; 2: errors; 3: warnings only. Warnings fail too.
                Assert.True(
                    process.ExitCode == 0,
                    $"qpdf --check failed for {name} (exit {process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
