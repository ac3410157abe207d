using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace UserAdmin.Core.Persistence;

/// <summary>
/// Configures the DbContext for one provider, with that provider's migrations assembly
/// (EF Core's "migrations with multiple providers" pattern).
/// </summary>
public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "UserAdmin.Migrations.Sqlite";
    public const string SqlServerMigrationsAssembly = "UserAdmin.Migrations.SqlServer";
    public const string PostgreSqlMigrationsAssembly = "UserAdmin.Migrations.PostgreSql";

    public static DbContextOptionsBuilder UseUserAdminDatabase(
        this DbContextOptionsBuilder options, DatabaseProvider provider, string connectionString)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                options.UseSqlite(connectionString, sqlite => sqlite
                    .MigrationsAssembly(SqliteMigrationsAssembly)
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
                options.AddInterceptors(SqliteConnectionTuning.Instance);
                break;
            case DatabaseProvider.SqlServer:
                options.UseSqlServer(connectionString, sql => sql
                    .MigrationsAssembly(SqlServerMigrationsAssembly)
                    .EnableRetryOnFailure());
                break;
            case DatabaseProvider.PostgreSql:
                options.UseNpgsql(connectionString, postgres => postgres
                    .MigrationsAssembly(PostgreSqlMigrationsAssembly)
                    .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)
                    .EnableRetryOnFailure());
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }

        return options;
    }

    /// <summary>Options for a DbContext created by hand (design time, tests, benchmarks).</summary>
    public static DbContextOptions<UserAdminDbContext> OptionsFor(DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<UserAdminDbContext>();
        builder.UseUserAdminDatabase(provider, connectionString);
        return builder.Options;
    }

    /// <summary>The default SQLite file: <c>App_Data/useradmin.db</c> under the content root, folder created when missing.</summary>
    public static string DefaultSqliteConnectionString(string contentRoot)
    {
        var folder = Path.Combine(contentRoot, "App_Data");
        Directory.CreateDirectory(folder);
        return new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(folder, "useradmin.db"),
            DefaultTimeout = 60,
        }.ToString();
    }

    public static DatabaseProvider ParseProvider(string? value) => value switch
    {
        null or "" => DatabaseProvider.Sqlite,
        _ when Enum.TryParse<DatabaseProvider>(value, ignoreCase: true, out var provider) => provider,
        _ => throw new InvalidOperationException(
            $"Database:Provider is '{value}'; expected 'Sqlite', 'SqlServer' or 'PostgreSql'."),
    };
}
