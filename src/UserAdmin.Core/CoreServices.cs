using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.People;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.People.Revert;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Bulk;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Uploads;

namespace UserAdmin.Core;

/// <summary>
/// The Core services of exporting, importing, reverting and transferring, with their lifetimes: one list that the
/// web app and the benchmark both register, so that the benchmark measures the code that serves requests and a new
/// dependency cannot be missing from one of them. The host adds how jobs are queued (<see cref="ITransferJobs"/>).
/// </summary>
public static class CoreServices
{
    public static IServiceCollection AddExportsImportsAndTransfers(this IServiceCollection services)
    {
        services.AddScoped<TransferEngine>().AddScoped<TransferRules>().AddScoped<TransferableDataCounts>();
        services.AddScoped<TransferRunner>().AddScoped<TransferRunStarter>().AddScoped<TransferRunQueries>().AddScoped<TransferAuditLog>().AddScoped<TransferHistory>();
        services.AddScoped<BulkTransferExport>().AddScoped<BulkTransferPlanner>().AddScoped<BulkPlanStore>();
        services.AddScoped<PeopleReader>().AddScoped<PeopleCsvExport>();
        services.AddScoped<UploadStore>().AddScoped<ImportDrafts>().AddScoped<ImportPlanner>().AddScoped<ImportPreviews>();
        services.AddScoped<ImportSubmission>().AddScoped<ImportApplier>().AddScoped<ImportRecovery>().AddSingleton<ImportProgress>();
        services.AddSingleton(provider =>
        {
            // One per process: on SQLite it keeps the locks this process holds (ADR-0016).
            using var scope = provider.CreateScope();
            return RunningImportLock.For(scope.ServiceProvider.GetRequiredService<Persistence.UserAdminDbContext>());
        });
        services.AddScoped<RevertDeletions>().AddScoped<RevertPlanner>().AddScoped<ImportReverts>();
        return services;
    }
}
