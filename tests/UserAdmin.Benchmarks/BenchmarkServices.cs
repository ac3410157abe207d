using UserAdmin.Core;
using Microsoft.AspNetCore.Identity;
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
/// with the same lifetimes, on one database: the benchmark measures exactly the code that serves requests.
/// </summary>
internal static class BenchmarkServices
{
    public static ServiceProvider For(BenchmarkDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var services = new ServiceCollection();
        services.AddDbContext<UserAdminDbContext>(options => options.UseUserAdminDatabase(database.Provider, database.ConnectionString));
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(provider => new TenantClock(provider.GetRequiredService<IClock>(), DateTimeZone.Utc));
        services.AddSingleton(TimeZoneCatalogue.Shipped);
        services.AddScoped<UserViewScope>().AddScoped<AdministratorProfiles>();
        services.AddScoped<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddLogging();
        services.AddExportsImportsAndTransfers().AddScoped<ITransferJobs, NoQueue>();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    /// <summary>The tenant administrator's profile, loaded as the app loads it for each request.</summary>
    public static async Task<AdministratorProfile> AdministratorAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AdministratorProfiles>().LoadAsync(BenchmarkTenant.AdministratorId)
            ?? throw new InvalidOperationException("The benchmark database has no tenant administrator.");
    }
}
