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
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var configuration = app.Configuration;
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<UserAdminDbContext>();
        await db.Database.MigrateAsync();

        var bootstrap = await services.GetRequiredService<AdministratorBootstrap>().EnsureAdministratorAsync(new BootstrapOptions(
            configuration["Bootstrap:AdminEmail"] is { Length: > 0 } email ? email : "admin@useradmin.local",
            configuration["Bootstrap:AdminPassword"]));

        var demoUsers = configuration.GetValue<int?>("DemoData:Users") ?? (app.Environment.IsDevelopment() ? 200 : 0);
        var demoPassword = configuration["DemoData:Password"] is { Length: > 0 } configured ? configured : AdministratorBootstrap.GeneratePassword();
        var seeded = await services.GetRequiredService<DemoTenant>().SeedAsync(demoUsers, demoPassword);

        PrintCredentials(bootstrap, seeded ? demoPassword : null, configuration["DemoData:Password"] is { Length: > 0 });
        app.Lifetime.ApplicationStarted.Register(() => PrintAddresses(app));
    }

    private static void PrintCredentials(BootstrapOutcome bootstrap, string? demoPassword, bool demoPasswordConfigured)
    {
        if (bootstrap.Created)
        {
            Console.WriteLine();
            Console.WriteLine("  Tenant administrator: " + bootstrap.AdminEmail);
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
