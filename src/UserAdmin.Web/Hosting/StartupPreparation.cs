using System.Data.Common;
using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.DemoData;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;

namespace UserAdmin.Web.Hosting;

/// <summary>
/// Runs before the app serves requests: applies migrations, creates the first tenant administrator and
/// seeds the demo tenant (DESIGN 8). Credentials go to the console once, never to the logs.
/// </summary>
internal static class StartupPreparation
{
    /// <summary>False when the database cannot be used; the reason has been written as one line to stderr and the log.</summary>
    public static async Task<bool> PrepareDatabaseAsync(this WebApplication app)
    {
        var configuration = app.Configuration;
        var failure = await DatabaseStartupWait.WaitAsync(app) ?? await MigrateAsync(app);
        if (failure is not null)
        {
            app.Logger.LogCritical("{Failure}", failure);
            await Console.Error.WriteLineAsync(failure);
            return false;
        }

        var adminOptions = new BootstrapOptions(
            configuration["Bootstrap:AdminEmail"] is { Length: > 0 } email ? email : "admin@useradmin.local",
            configuration["Bootstrap:AdminPassword"]);
        var bootstrap = await OnceAcrossInstancesAsync(app, services => services.GetRequiredService<AdministratorBootstrap>().EnsureAdministratorAsync(adminOptions));

        var demoUsers = configuration.GetValue<int?>("DemoData:Users") ?? (app.Environment.IsDevelopment() ? 200 : 0);
        var demoPassword = configuration["DemoData:Password"] is { Length: > 0 } configured ? configured : AdministratorBootstrap.GeneratePassword();
        var seeded = await OnceAcrossInstancesAsync(app, services => services.GetRequiredService<DemoTenant>().SeedAsync(demoUsers, demoPassword));

        PrintCredentials(bootstrap, seeded ? demoPassword : null, configuration["DemoData:Password"] is { Length: > 0 });
        app.Lifetime.ApplicationStarted.Register(() => PrintAddresses(app));
        return true;
    }

    /// <summary>Applies the migrations; a server database that answers but refuses (it may not be created) gives the one failure line.</summary>
    private static async Task<string?> MigrateAsync(WebApplication app)
    {
        var settings = app.Services.GetRequiredService<DatabaseSettings>();
        try
        {
            try
            {
                await MigrateOnceAsync(app);
            }
            catch (DbException e) when (e.SqlState == DuplicateDatabase)
            {
                // DESIGN 8: two instances started together on a server without the database both create it; the
                // slower one's CREATE DATABASE fails, and its second try finds the database there.
                app.Logger.LogInformation("Another instance created the database at the same moment; migrating again.");
                await MigrateOnceAsync(app);
            }

            return null;
        }
        catch (DbException e) when (settings.Provider != DatabaseProvider.Sqlite && DatabaseReachability.Describe(e) is { IsWorthWaitingFor: false } problem)
        {
            return DatabaseStartupWait.Refused(settings, DatabaseReachability.Host(settings.Provider, settings.ConnectionString), problem);
        }
    }

    // PostgreSQL's SQLSTATE for "database already exists" (duplicate_database).
    private const string DuplicateDatabase = "42P04";

    private static async Task MigrateOnceAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        // EF's migration lock makes a second instance wait here while the first migrates.
        await scope.ServiceProvider.GetRequiredService<UserAdminDbContext>().Database.MigrateAsync();
    }

    /// <summary>
    /// DESIGN 8: several instances may start together on a new database. Each step looks before it writes;
    /// when two look at once, the unique indexes (role, group and email names) fail the slower one's
    /// insert as the faster one commits, and its second look, with a new DbContext, finds the work done.
    /// </summary>
    private static async Task<T> OnceAcrossInstancesAsync<T>(WebApplication app, Func<IServiceProvider, Task<T>> step)
    {
        try
        {
            await using var scope = app.Services.CreateAsyncScope();
            return await step(scope.ServiceProvider);
        }
        catch (DbUpdateException)
        {
            app.Logger.LogInformation("Another instance prepared the database at the same moment; looking again.");
            await using var scope = app.Services.CreateAsyncScope();
            return await step(scope.ServiceProvider);
        }
    }

    private static void PrintCredentials(BootstrapOutcome bootstrap, string? demoPassword, bool demoPasswordConfigured)
    {
        if (bootstrap.Changed)
        {
            Console.WriteLine();
            Console.WriteLine((bootstrap.Action == BootstrapAction.Recovered
                ? "  No tenant administrator could sign in; recovered: "
                : "  Tenant administrator: ") + bootstrap.AdminEmail);
            Console.WriteLine(bootstrap.GeneratedPassword is { } generated
                ? "  Password (generated, shown once): " + generated
                : "  Password: the value of Bootstrap:AdminPassword");
        }

        if (demoPassword is not null)
        {
            Console.WriteLine("  Demo sign-ins (password " + (demoPasswordConfigured ? "from DemoData:Password" : demoPassword) + "):");
            foreach (var signIn in DemoTenant.SignIns)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {signIn.Role,-18} {signIn.Email} (login {signIn.Login})"));
            }
        }

        Console.WriteLine();
    }

    private static void PrintAddresses(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            Console.WriteLine("  UserAdmin is running at " + address + "  (sign in at " + address + "/account/login)");
        }
    }
}
