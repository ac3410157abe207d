using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;
using UserAdmin.Core.Persistence;
using UserAdmin.Web.Features.Transfers;

namespace UserAdmin.Web.Hosting;

/// <summary>
/// Hangfire on the server database's own storage (SQL Server or PostgreSQL, in the app's database) and in
/// memory with SQLite (ADR-0001, ADR-0011). The domain
/// tables, not Hangfire, are the source of truth for every transfer.
/// </summary>
internal static class JobServices
{
    public static IServiceCollection AddUserAdminJobs(this IServiceCollection services, DatabaseSettings database)
    {
        services.AddHangfire(config =>
        {
            config.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();
            if (database.Provider == DatabaseProvider.SqlServer)
            {
                config.UseSqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
                {
                    PrepareSchemaIfNecessary = true,
                    SlidingInvisibilityTimeout = TimeSpan.FromMinutes(5),
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                });
            }
            else if (database.Provider == DatabaseProvider.PostgreSql)
            {
                config.UsePostgreSqlStorage(postgres => postgres.UseNpgsqlConnection(database.ConnectionString), new PostgreSqlStorageOptions
                {
                    PrepareSchemaIfNecessary = true,
                    InvisibilityTimeout = TimeSpan.FromMinutes(5),
                    QueuePollInterval = TimeSpan.FromSeconds(1),
                    // Its distributed locks are rows that outlive a killed process (SQL Server's die with the
                    // session), so a run resumed after a crash would wait for the default 10 minutes. Within one
                    // lock wait of TransferJob a stale lock is taken over; the per-pair claims, not the lock,
                    // keep a run delivered twice correct (ADR-0004, ADR-0011).
                    DistributedLockTimeout = TransferJob.LockWait,
                });
            }
            else
            {
                config.UseInMemoryStorage(new InMemoryStorageOptions { IdType = InMemoryStorageIdType.Long });
            }
        });
        services.AddHangfireServer(options =>
        {
            options.Queues = [JobQueues.Transfers, JobQueues.Imports, JobQueues.Default];
            options.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            options.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });

        services.AddScoped<Core.Uploads.UploadPurge>();
        services.AddScoped<Core.Security.SignInLockoutPurge>();
        services.AddHostedService<PurgeSchedule>();

        // Running jobs are re-queued on shutdown; give them time to stop between two pairs.
        services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return services;
    }
}
