using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Web.Hosting;

/// <summary>
/// DESIGN 8: a server database may still be starting when the app starts (<c>docker compose up</c>).
/// Start-up tries to connect with a growing pause, one log line per attempt, for up to
/// <c>Database:StartupTimeoutSeconds</c>; wrong credentials end the wait at once, since waiting cannot mend them.
/// </summary>
internal static class DatabaseStartupWait
{
    public const string TimeoutSetting = "Database:StartupTimeoutSeconds";
    private const int DefaultTimeoutSeconds = 60;

    /// <summary>Null once the database takes connections; otherwise the one line that says why the app cannot start.</summary>
    public static async Task<string?> WaitAsync(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        if (settings.Provider == DatabaseProvider.Sqlite)
        {
            return null; // a file next to the app: nothing to wait for
        }

        var timeout = TimeSpan.FromSeconds(app.Configuration.GetValue<int?>(TimeoutSetting) ?? DefaultTimeoutSeconds);
        var host = DatabaseReachability.Host(settings.Provider, settings.ConnectionString);
        await using var scope = app.Services.CreateAsyncScope();
        var connection = scope.ServiceProvider.GetRequiredService<UserAdminDbContext>().Database.GetDbConnection(); // builds the model before the clock starts
        var pause = TimeSpan.FromMilliseconds(500);
        var waited = Stopwatch.StartNew();
        for (var attempt = 1; ; attempt++)
        {
            var problem = await DatabaseReachability.TryConnectAsync(connection, app.Lifetime.ApplicationStopping);
            if (problem is null)
            {
                return null;
            }

            if (!problem.IsWorthWaitingFor)
            {
                return Refused(settings, host, problem);
            }

            // The last pause is cut to what is left, so the app tries once more at the end of the wait instead of giving up early.
            var remaining = timeout - waited.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"UserAdmin cannot start: the {settings.Provider} database at {host} did not accept connections within {timeout.TotalSeconds:0} s ({problem.Reason}). " +
                    $"Check that the server runs and that ConnectionStrings:UserAdmin names it; {TimeoutSetting} sets how long to wait.");
            }

            var next = pause < remaining ? pause : remaining;
            app.Logger.LogWarning("Database {Provider} at {Host} not reachable yet (attempt {Attempt}: {Reason}); next try in {Pause:0.0} s.",
                settings.Provider, host, attempt, problem.Reason, next.TotalSeconds);
            await Task.Delay(next, app.Lifetime.ApplicationStopping);
            pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
        }
    }

    /// <summary>The one line for a database that answered and refused: wrong credentials, or a database it may not create.</summary>
    public static string Refused(DatabaseSettings settings, string host, DatabaseProblem problem)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(problem);
        var check = problem.Kind == DatabaseRefusal.WrongCredentials
            ? "Check the user name and password in ConnectionStrings:UserAdmin."
            : "Check the database name in ConnectionStrings:UserAdmin, or create it, or let its user create databases.";
        return $"UserAdmin cannot start: the {settings.Provider} database at {host}: {problem.Words} ({problem.Reason}). {check}";
    }
}
