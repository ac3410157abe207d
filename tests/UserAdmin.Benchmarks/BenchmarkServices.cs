using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using UserAdmin.Core.People;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.TimeZones;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Users;

namespace UserAdmin.Benchmarks;

/// <summary>
/// The Core services the web app registers (Hosting/DatabaseServices.cs and FeatureServices.cs),
/// with the same lifetimes, on one SQLite file: the benchmark measures exactly the code that serves requests.
/// </summary>
internal static class BenchmarkServices
{
    public static ServiceProvider For(string databasePath)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = databasePath, DefaultTimeout = 60 }.ToString();
        var services = new ServiceCollection();
        services.AddDbContext<UserAdminDbContext>(options => options.UseUserAdminDatabase(DatabaseProvider.Sqlite, connectionString));
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(provider => new TenantClock(provider.GetRequiredService<IClock>(), DateTimeZone.Utc));
        services.AddSingleton(TimeZoneCatalogue.Shipped);
        services.AddScoped<UserViewScope>().AddScoped<AdministratorProfiles>();
        services.AddScoped<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddLogging();
        services.AddScoped<TransferEngine>().AddScoped<TransferRules>();
        services.AddScoped<TransferHistory>().AddScoped<TransferRunStarter>().AddScoped<TransferRunner>().AddScoped<TransferRunQueries>().AddScoped<ITransferJobs, NoQueue>();
        services.AddScoped<PeopleReader>().AddScoped<PeopleCsvExport>();
        services.AddScoped<ImportUploadStore>().AddScoped<ImportPlanner>().AddScoped<ImportApplier>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>The tenant administrator's profile, loaded as the app loads it for each request.</summary>
    public static async Task<AdministratorProfile> AdministratorAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AdministratorProfiles>().LoadAsync(BenchmarkTenant.AdministratorId)
            ?? throw new InvalidOperationException("The benchmark database has no tenant administrator.");
    }

    /// <summary>Writes the WAL back into the database file and closes every connection, so the file can be copied alone.</summary>
    public static async Task CheckpointAsync(IServiceProvider services)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<UserAdminDbContext>();
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
    }
}
