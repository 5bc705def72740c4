using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using MimeKit;

namespace Worker.Tests.Support;

/// <summary>
/// A real SMTP server on loopback: Debian's python3-aiosmtpd running smtp_sink.py, which saves every
/// accepted message to a folder. Can be stopped and started again on the same port (an outage), and can
/// hold its "250 accepted" answer while a file exists (a slow server, to kill a client mid-send). Without TLS
/// files it offers no STARTTLS and without a user no AUTH, as a plain internal relay does.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private const string Python = "/usr/bin/python3";
    private readonly string? _user;
    private readonly string? _password;
    private readonly (string Certificate, string Key)? _tls;
    private readonly SmtpSinkFaults _faults;
    private Process? _process;

    private SmtpSink(string folder, int port, string? user, string? password, (string, string)? tls, SmtpSinkFaults? faults)
    {
        _tls = tls;
        _faults = faults ?? new SmtpSinkFaults();
        Folder = folder;
        Port = port;
        _user = user;
        _password = password;
        Directory.CreateDirectory(folder);
    }

    public int Port { get; }

    public string Folder { get; }

    /// <summary>While this file exists, the server saves a message and then waits before answering 250.</summary>
    public string HoldFile => Path.Combine(Folder, "..", "hold-" + Port.ToString(CultureInfo.InvariantCulture));

    private string ConnectionsFile => Path.Combine(Folder, "..", "connections-" + Port.ToString(CultureInfo.InvariantCulture));

    /// <summary>How many sessions clients have opened (EHLO) since the sink was created.</summary>
    public int Connections => File.Exists(ConnectionsFile) ? File.ReadAllLines(ConnectionsFile).Length : 0;

    /// <param name="tls">PEM certificate and key files: the server then requires STARTTLS.</param>
    /// <param name="faults">Answers that make a client fail: 451 for the first messages, a hold before anything is stored.</param>
    public static async Task<SmtpSink> StartAsync(
        string folder, string? user = null, string? password = null, (string Certificate, string Key)? tls = null, SmtpSinkFaults? faults = null)
    {
        var sink = new SmtpSink(folder, FreePort(), user, password, tls, faults);
        await sink.StartAsync();
        return sink;
    }

    public async Task StartAsync()
    {
        if (!File.Exists(Python))
        {
            throw new InvalidOperationException($"{Python} not found: the delivery tests need Debian's python3 with python3-aiosmtpd (test.sh installs it).");
        }

        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])[
            Path.Combine(AppContext.BaseDirectory, "Support", "smtp_sink.py"),
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--folder", Folder,
            "--hold", HoldFile,
            "--hold-seconds", "30",
            "--hold-at", _faults.HoldBeforeStoring ? "rcpt" : "data",
            "--transient", _faults.TransientFailures.ToString(CultureInfo.InvariantCulture),
            "--connections", ConnectionsFile])
        {
            start.ArgumentList.Add(argument);
        }

        if (_user is not null)
        {
            start.ArgumentList.Add("--user");
            start.ArgumentList.Add(_user);
            start.ArgumentList.Add("--password");
            start.ArgumentList.Add(_password ?? string.Empty);
        }

        if (_tls is { } tls)
        {
            foreach (var argument in (string[])["--tls-cert", tls.Certificate, "--tls-key", tls.Key])
            {
                start.ArgumentList.Add(argument);
            }
        }

        _process = Process.Start(start)!;
        var ready = await _process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20));
        if (ready != "READY")
        {
            var error = await _process.StandardError.ReadToEndAsync();
            throw new InvalidOperationException($"smtp_sink.py did not start (is python3-aiosmtpd installed?): {ready} {error}");
        }
    }

    /// <summary>Stops the server: connections to its port are refused until <see cref="StartAsync()"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.StandardInput.Close();
            if (!process.WaitForExit(5_000))
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync();
        }

        _process?.Dispose();
        _process = null;
    }

    /// <summary>The messages received so far, oldest first, with the envelope recipients.</summary>
    public IReadOnlyList<(IReadOnlyList<string> RcptTo, MimeMessage Message)> Messages()
    {
        var messages = new List<(IReadOnlyList<string>, MimeMessage)>();
        foreach (var path in Directory.GetFiles(Folder, "*.eml").Order(StringComparer.Ordinal))
        {
            var message = MimeMessage.Load(path);
            var rcpt = message.Headers["X-Sink-Rcpt-To"]?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];
            messages.Add((rcpt, message));
        }

        return messages;
    }

    public async Task<int> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            var found = Directory.GetFiles(Folder, "*.eml").Length;
            if (found >= count)
            {
                return found;
            }

            await Task.Delay(50);
        }

        return Directory.GetFiles(Folder, "*.eml").Length;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        File.Delete(HoldFile);
        File.Delete(ConnectionsFile);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>How the test server misbehaves.</summary>
public sealed record SmtpSinkFaults
{
    /// <summary>The first this many messages are answered "451 try again later" and not stored.</summary>
    public int TransientFailures { get; init; }

    /// <summary>The hold file delays the answer to RCPT TO, before anything is stored, instead of the final 250.</summary>
    public bool HoldBeforeStoring { get; init; }
}
