using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.TimeZones;
using UserAdmin.Core.Users;

namespace UserAdmin.Web.Hosting;

/// <summary>The database chosen by <c>Database:Provider</c> and <c>ConnectionStrings:UserAdmin</c> (DESIGN 1).</summary>
internal sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString)
{
    public static DatabaseSettings From(IConfiguration configuration, string contentRoot)
    {
        var provider = DatabaseSetup.ParseProvider(configuration["Database:Provider"]);
        var connectionString = configuration.GetConnectionString("UserAdmin");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DatabaseSetup.DefaultSqliteConnectionString(contentRoot)
                : throw new InvalidOperationException($"ConnectionStrings:UserAdmin is required when Database:Provider is {provider}.");
        }

        return new DatabaseSettings(provider, connectionString);
    }
}

internal static class DatabaseServices
{
    public static IServiceCollection AddUserAdminDatabase(this IServiceCollection services, DatabaseSettings settings, IConfiguration configuration)
    {
        services.AddSingleton(settings);
        services.AddDbContext<UserAdminDbContext>(options => options.UseUserAdminDatabase(settings.Provider, settings.ConnectionString));
        services.AddSingleton<IClock>(SystemClock.Instance);
        services.AddSingleton(provider => new TenantClock(
            provider.GetRequiredService<IClock>(),
            TenantZone(configuration["Tenant:TimeZone"])));
        services.AddScoped<UserViewScope>();
        services.AddSingleton(TimeZoneCatalogue.Shipped);
        return services;
    }

    private static DateTimeZone TenantZone(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return DateTimeZone.Utc;
        }

        var catalogue = TimeZoneCatalogue.Shipped;
        return catalogue.TryCanonicalize(name, out var canonical)
            ? catalogue.Resolve(canonical)
            : throw new InvalidOperationException($"Tenant:TimeZone '{name}' is not in the time-zone list; did you mean '{catalogue.Closest(name)}'?");
    }
}
