using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Npgsql;

namespace Analytics.Tests.Support;

/// <summary>
/// A throwaway PostgreSQL cluster started by the tests themselves: <c>initdb</c> into a temp folder,
/// listening only on 127.0.0.1 at a free port, unix socket in the temp folder, trust authentication,
/// fsync off. Stopped (<c>pg_ctl stop -m immediate</c>) and deleted on dispose. Each test asks for its
/// own database with <see cref="CreateDatabaseAsync"/>, so tests never see each other's rows.
/// </summary>
/// <remarks>
/// initdb refuses to run as root; when the tests run as root (as here and in CI) the server runs as
/// the <c>postgres</c> OS user that Debian's <c>postgresql</c> package creates.
/// Set <c>ANALYTICS_TEST_PG_BIN</c> to a folder holding initdb and pg_ctl to use other binaries.
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string BinEnvironmentVariable = "ANALYTICS_TEST_PG_BIN";

    private const string ServiceUser = "postgres";
    private const string Superuser = "postgres";
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "analytics-pg-" + Guid.NewGuid().ToString("N"));
    private string? _binDirectory;
    private bool _running;
    private int _databases;

    /// <summary>The TCP port on 127.0.0.1 the server listens on.</summary>
    public int Port { get; private set; }

    /// <summary>How long initdb plus start took.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>The server's version string, e.g. "15.18 (Debian 15.18-0+deb12u1)".</summary>
    public string ServerVersion { get; private set; } = string.Empty;

    /// <summary>The folder holding initdb and pg_ctl that were used.</summary>
    public string BinDirectory => _binDirectory ?? throw new InvalidOperationException("The server has not been started.");

    private string DataDirectory => Path.Combine(_root, "data");

    private string LogFile => Path.Combine(_root, "server.log");

    private static bool RunAsServiceUser => Environment.IsPrivilegedProcess;

    public async Task InitializeAsync()
    {
        var clock = Stopwatch.StartNew();
        _binDirectory = FindBinDirectory();
        await CreateRootFolderAsync();
        await RunAsync(
            Path.Combine(_binDirectory, "initdb"),
            ["-D", DataDirectory, "-U", Superuser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
            "initdb");
        AppDomain.CurrentDomain.ProcessExit += StopOnProcessExit;
        await StartAsync();
        StartupTime = clock.Elapsed;

        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        ServerVersion = connection.ServerVersion;
    }

    /// <summary>A connection string for <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = Superuser,
        Database = database,
        // A loaded CI machine (the whole suite on 2 cores) has been seen to take over 15 s to accept a connection.
        Timeout = 60,
    }.ConnectionString;

    /// <summary>Creates a new, empty database and returns its name.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var name = string.Create(CultureInfo.InvariantCulture, $"{prefix}_{Interlocked.Increment(ref _databases)}_{Guid.NewGuid():N}");
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"CREATE DATABASE \"{name}\"";
        await command.ExecuteNonQueryAsync();
        return name;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing its pooled connections.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        if (!_running)
        {
            return;
        }

        using (var pooled = new NpgsqlConnection(ConnectionString(name)))
        {
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"DROP DATABASE IF EXISTS \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\" WITH (FORCE)";
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopOnProcessExit;
        NpgsqlConnection.ClearAllPools();
        if (_running)
        {
            await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], "pg_ctl stop");
            _running = false;
        }

        DeleteRootFolder();
    }

    private async Task StartAsync()
    {
        // A free port is found by binding port 0; another process could take it before the server
        // binds, so a bind failure is retried with a new port.
        for (var attempt = 1; ; attempt++)
        {
            Port = FindFreePort();
            var options = string.Join(
                ' ',
                "-c listen_addresses=127.0.0.1",
                "-c port=" + Port.ToString(CultureInfo.InvariantCulture),
                "-c unix_socket_directories='" + _root + "'",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off");
            try
            {
                await RunAsync(
                    Path.Combine(BinDirectory, "pg_ctl"),
                    ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "30", "-o", options, "start"],
                    "pg_ctl start");
                _running = true;
                return;
            }
            catch (InvalidOperationException) when (attempt < 3 && ReadLog().Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                // Port taken in the meantime: try another one.
            }
        }
    }

    private void StopOnProcessExit(object? sender, EventArgs e)
    {
        if (!_running)
        {
            return;
        }

        try
        {
            RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], "pg_ctl stop")
                .GetAwaiter().GetResult();
            _running = false;
            DeleteRootFolder();
        }
        catch (InvalidOperationException)
        {
            // The process is exiting; nothing more can be done.
        }
    }

    private static string FindBinDirectory()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable(BinEnvironmentVariable) is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        if (Directory.Exists("/usr/lib/postgresql"))
        {
            // Debian and Ubuntu: /usr/lib/postgresql/<major>/bin; the newest major first.
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => (Dir: Path.Combine(d, "bin"), Major: int.TryParse(Path.GetFileName(d), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0))
                .OrderByDescending(c => c.Major)
                .Select(c => c.Dir));
        }

        candidates.Add("/usr/local/pgsql/bin");
        candidates.AddRange((Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));

        foreach (var directory in candidates)
        {
            if (File.Exists(Path.Combine(directory, "initdb")) && File.Exists(Path.Combine(directory, "pg_ctl")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException(
            "The PostgreSQL store tests start their own PostgreSQL server, but no PostgreSQL server binaries " +
            "(initdb and pg_ctl) were found in /usr/lib/postgresql/*/bin, /usr/local/pgsql/bin or on PATH. " +
            "Install Debian's 'postgresql' package (apt-get install -y postgresql), or set " +
            BinEnvironmentVariable + " to the folder that holds initdb and pg_ctl.");
    }

    private async Task CreateRootFolderAsync()
    {
        Directory.CreateDirectory(_root);
        if (RunAsServiceUser)
        {
            // The server runs as the postgres OS user, which must own the folder it writes to.
            await RunAsync("chown", [ServiceUser + ":", _root], "chown", asServiceUser: false);
        }
    }

    private void DeleteRootFolder()
    {
        try
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
        catch (IOException)
        {
            // Left for the OS temp cleaner.
        }
        catch (UnauthorizedAccessException)
        {
            // Not running as root and the server's files are not ours: left for the OS temp cleaner.
        }
    }

    private string ReadLog()
    {
        try
        {
            return File.Exists(LogFile) ? File.ReadAllText(LogFile) : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private static int FindFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, string what, bool asServiceUser = true)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = Directory.Exists(_root) ? _root : Path.GetTempPath(),
        };
        if (asServiceUser && RunAsServiceUser)
        {
            start.FileName = FindRunuser();
            foreach (var argument in (string[])["-u", ServiceUser, "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = new Process { StartInfo = start };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"{what}: could not start '{start.FileName}': {e.Message}", e);
        }

        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{what} did not finish within {CommandTimeout.TotalSeconds:0} s.{Describe(await output, await error)}");
        }

        if (process.ExitCode != 0)
        {
            var hint = asServiceUser && RunAsServiceUser
                ? $" (run as the '{ServiceUser}' OS user, which Debian's 'postgresql' package creates; it must be able to reach {_root})"
                : string.Empty;
            throw new InvalidOperationException(
                $"{what} failed with exit code {process.ExitCode}{hint}.{Describe(await output, await error)}");
        }
    }

    private string Describe(string output, string error)
    {
        var text = new StringBuilder();
        if (output.Length > 0)
        {
            text.Append("\nOutput:\n").Append(output.TrimEnd());
        }

        if (error.Length > 0)
        {
            text.Append("\nErrors:\n").Append(error.TrimEnd());
        }

        var log = ReadLog();
        if (log.Length > 0)
        {
            text.Append("\nServer log:\n").Append(log.Length > 4000 ? log[^4000..] : log);
        }

        return text.ToString();
    }

    private static string FindRunuser()
    {
        foreach (var candidate in (string[])["/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser", "/bin/runuser"])
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException(
            "The tests run as root, and initdb refuses to run as root, so the server must run as the " +
            $"'{ServiceUser}' OS user through runuser (util-linux), which was not found.");
    }
}
