using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using UserAdmin.Core.Persistence;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Reliability;

/// <summary>
/// DESIGN 8, ADR-0011: a server database that is not there yet, or is misconfigured. The real app process
/// waits with a growing pause, one log line per attempt, then exits with code 1 and one line that names
/// the provider, the host and the setting to check; never a stack trace.
/// </summary>
public sealed class DatabaseStartupTests
{
    internal const string Prefix = "UserAdmin cannot start: ";

    [Fact] // DESIGN 8: nothing listens on SQL Server's port; the wait ends after Database:StartupTimeoutSeconds
    public Task A_SQL_Server_that_never_answers_is_waited_for_then_named_in_one_line()
    {
        var port = ClosedPort();
        return WaitedForThenNamedAsync(DatabaseProvider.SqlServer, $"Server=127.0.0.1,{port};Database=UserAdmin;User Id=sa;Password=x;TrustServerCertificate=True;Connect Timeout=2;Connect Retry Count=0", port);
    }

    /// <summary>Starts the app on a database nothing answers for and checks the wait, its log lines and the closing line.</summary>
    internal static async Task WaitedForThenNamedAsync(DatabaseProvider provider, string connectionString, int port)
    {
        var waited = Stopwatch.StartNew();
        using var app = AppProcess.Launch(provider, connectionString, demoUsers: 0, [new("Database__StartupTimeoutSeconds", "6")]);

        var exitCode = await app.ExitCodeAsync(TimeSpan.FromSeconds(90));

        var failure = Assert.Single(app.Output, l => l.StartsWith(Prefix, StringComparison.Ordinal));
        Assert.Equal(1, exitCode);
        Assert.Contains($"the {provider} database at 127.0.0.1", failure, StringComparison.Ordinal);
        Assert.Contains(port.ToString(CultureInfo.InvariantCulture), failure, StringComparison.Ordinal);
        Assert.Contains("did not accept connections within 6 s", failure, StringComparison.Ordinal);
        Assert.Contains("ConnectionStrings:UserAdmin", failure, StringComparison.Ordinal);
        Assert.Contains("Database:StartupTimeoutSeconds", failure, StringComparison.Ordinal);
        Assert.True(app.Output.Count(l => l.Contains("not reachable yet (attempt", StringComparison.Ordinal)) >= 2, app.Tail());
        Assert.True(waited.Elapsed >= TimeSpan.FromSeconds(5), "The app gave up before the configured wait.");
        Assert.DoesNotContain(app.Output, l => l.Contains("Unhandled exception", StringComparison.Ordinal) || l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    /// <summary>A loopback port nothing listens on: bound, then released.</summary>
    internal static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary><see cref="DatabaseStartupTests"/>' cases on PostgreSQL, including a server that answers and refuses.</summary>
[Trait(PostgreSqlServer.Trait, PostgreSqlServer.TraitValue)]
public sealed class PostgreSqlDatabaseStartupTests
{
    [Fact] // DESIGN 8: nothing listens on the port; the wait ends after Database:StartupTimeoutSeconds
    public Task A_PostgreSQL_server_that_never_answers_is_waited_for_then_named_in_one_line()
    {
        var port = DatabaseStartupTests.ClosedPort();
        return DatabaseStartupTests.WaitedForThenNamedAsync(DatabaseProvider.PostgreSql, $"Host=127.0.0.1;Port={port};Database=useradmin;Username=postgres;Timeout=2", port);
    }

    [Fact] // DESIGN 8: the server answers and refuses the user; waiting cannot mend that, so the app stops at once and says so
    public async Task Wrong_credentials_stop_the_start_at_once_with_one_line_in_words()
    {
        var connectionString = new NpgsqlConnectionStringBuilder(PostgreSqlServer.ConnectionStringFor(PostgreSqlServer.NewDatabaseName())) { Username = "no_such_user" }.ToString();
        using var app = AppProcess.Launch(DatabaseProvider.PostgreSql, connectionString, demoUsers: 0, [new("Database__StartupTimeoutSeconds", "60")]);

        var exitCode = await app.ExitCodeAsync(TimeSpan.FromSeconds(45));

        var failure = Assert.Single(app.Output, l => l.StartsWith(DatabaseStartupTests.Prefix, StringComparison.Ordinal));
        Assert.Equal(1, exitCode);
        Assert.Contains("the PostgreSql database at 127.0.0.1", failure, StringComparison.Ordinal);
        Assert.Contains("the server refused the user name or password", failure, StringComparison.Ordinal);
        Assert.Contains("Check the user name and password in ConnectionStrings:UserAdmin", failure, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Output, l => l.Contains("not reachable yet", StringComparison.Ordinal));
        Assert.DoesNotContain(app.Output, l => l.Contains("Unhandled exception", StringComparison.Ordinal) || l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }
}
