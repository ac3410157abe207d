using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using UserAdmin.Core.Persistence;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Reliability;

/// <summary>
/// The real app as its own OS process — <c>dotnet UserAdmin.Web.dll</c> from src/UserAdmin.Web's build
/// output — on a given database (SQLite file or PostgreSQL) and a free loopback port, configured as an operator configures it:
/// through environment variables. <see cref="Kill"/> is SIGKILL: no shutdown, no Hangfire re-queue.
/// </summary>
public sealed class AppProcess : IDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);
    private static readonly Lazy<string> WebAssembly = new(FindWebAssembly);

    // A test that fails half-way may not dispose what it started: no app outlives the test run.
    private static readonly ConcurrentDictionary<AppProcess, bool> Running = WithExitHook(new ConcurrentDictionary<AppProcess, bool>());

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private AppProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>Every line the app wrote to stdout and stderr so far.</summary>
    public IReadOnlyList<string> Output => [.. _output];

    /// <summary>Lines of log entries at Error or Critical level ("fail:", "crit:" in the console format).</summary>
    public IReadOnlyList<string> ErrorLogLines => _output.Where(l => l.StartsWith("fail:", StringComparison.Ordinal) || l.StartsWith("crit:", StringComparison.Ordinal)).ToList();

    /// <summary>
    /// Starts the app and returns once it answers <c>/health</c>: by then migrations, the bootstrap and the
    /// demo seed are done and start-up recovery has run (DESIGN 8), so killing it can no longer leave a
    /// row in <c>__EFMigrationsLock</c>.
    /// </summary>
    public static Task<AppProcess> StartAsync(TestDatabase database, int demoUsers, IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        return StartAsync(database.Provider, database.ConnectionString, demoUsers, settings);
    }

    public static async Task<AppProcess> StartAsync(DatabaseProvider provider, string connectionString, int demoUsers, IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        var app = Launch(provider, connectionString, demoUsers, settings);
        try
        {
            await app.WaitUntilServingAsync();
        }
        catch
        {
            app.Dispose();
            throw;
        }

        return app;
    }

    /// <summary>Starts the app without waiting for it to serve, for tests of a start-up that must fail.</summary>
    public static AppProcess Launch(DatabaseProvider provider, string connectionString, int demoUsers, IEnumerable<KeyValuePair<string, string>>? settings = null)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(DotnetHost(), [WebAssembly.Value])
        {
            WorkingDirectory = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(WebAssembly.Value)!, "..", "..", "..")),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var inherited in new[] { "ASPNETCORE_URLS", "DOTNET_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "DOTNET_ENVIRONMENT" })
        {
            info.Environment.Remove(inherited);
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Urls"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        info.Environment["Database__Provider"] = provider.ToString();
        info.Environment["ConnectionStrings__UserAdmin"] = connectionString;
        info.Environment["Bootstrap__AdminEmail"] = TestAccounts.AdminEmail;
        info.Environment["Bootstrap__AdminPassword"] = TestAccounts.AdminPassword;
        info.Environment["DemoData__Users"] = demoUsers.ToString(CultureInfo.InvariantCulture);
        info.Environment["DemoData__Password"] = TestAccounts.DemoPassword;
        foreach (var (key, value) in settings ?? [])
        {
            info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info };
        var app = new AppProcess(process, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        process.OutputDataReceived += (_, line) => app.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        process.Start();
        Running[app] = true;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Waits for the process to exit by itself and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>A browser-like client (cookies, antiforgery from the forms) signed in on this process.</summary>
    public async Task<TestClient> SignInAsync(TestAccount account)
    {
        var client = CreateClient();
        try
        {
            await client.SignInAsync(account);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public TestClient CreateClient() => new(new HttpClient(new SocketsHttpHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = Address,
        Timeout = TimeSpan.FromSeconds(60),
    });

    /// <summary>SIGKILL to the process and its children, as a power cut or an OOM kill would do it.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>The last lines of output, for a failure message.</summary>
    public string Tail(int lines = 40) => string.Join(Environment.NewLine, Output.TakeLast(lines));

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                Kill();
            }
        }
        catch (InvalidOperationException)
        {
            // never started
        }

        _process.Dispose();
        Running.TryRemove(this, out _);
    }

    private static ConcurrentDictionary<AppProcess, bool> WithExitHook(ConcurrentDictionary<AppProcess, bool> running)
    {
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var app in running.Keys)
            {
                app.Dispose();
            }
        };
        return running;
    }

    private void Keep(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }

    private async Task WaitUntilServingAsync()
    {
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before serving:{Environment.NewLine}{Tail()}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("/health", UriKind.Relative));
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }
            catch (TaskCanceledException)
            {
                // busy migrating or seeding
            }

            if (deadline.Elapsed > StartTimeout)
            {
                throw new TimeoutException($"The app did not serve /health within {StartTimeout.TotalSeconds:N0} s:{Environment.NewLine}{Tail()}");
            }

            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    // The test host runs under the same dotnet as the app needs.
    private static string DotnetHost() =>
        Environment.ProcessPath is { } path && Path.GetFileNameWithoutExtension(path) == "dotnet"
            ? path
            : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>
    /// src/UserAdmin.Web/bin/{Configuration}/{framework}/UserAdmin.Web.dll, built with the tests through
    /// their project reference; the configuration and framework are the test assembly's own.
    /// </summary>
    private static string FindWebAssembly()
    {
        var output = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = output.Name;
        var configuration = output.Parent?.Name ?? "Debug";
        var root = output;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "UserAdmin.sln")))
        {
            root = root.Parent;
        }

        var dll = root is null ? null : Path.Combine(root.FullName, "src", "UserAdmin.Web", "bin", configuration, framework, "UserAdmin.Web.dll");
        return dll is not null && File.Exists(dll)
            ? dll
            : throw new FileNotFoundException($"The app's build output was not found ({dll ?? "no UserAdmin.sln above " + output.FullName}); build src/UserAdmin.Web in {configuration} first.");
    }
}
