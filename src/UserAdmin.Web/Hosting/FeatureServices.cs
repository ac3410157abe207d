using UserAdmin.Core.Overview;
using UserAdmin.Core.People;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.People.Revert;
using UserAdmin.Core.People.Mappings;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Bulk;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Users;
using UserAdmin.Web.Features.People;
using UserAdmin.Web.Features.Transfers;

namespace UserAdmin.Web.Hosting;

/// <summary>Registers each feature's services; one line per feature.</summary>
internal static class FeatureServices
{
    public static IServiceCollection AddUserAdminFeatures(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<UserList>().AddScoped<UserDetails>();
        services.AddScoped<TransferEngine>().AddScoped<TransferRules>().AddScoped<TransferableDataCounts>();
        services.AddScoped<TransferRunner>().AddScoped<TransferRunStarter>().AddScoped<TransferRunQueries>().AddScoped<TransferAuditLog>().AddScoped<BulkTransferExport>().AddScoped<BulkTransferPlanner>().AddScoped<BulkPlanStore>().AddScoped<TransferHistory>().AddScoped<ITransferJobs, HangfireTransferJobs>().AddScoped<TransferJob>();
        services.AddHostedService<TransferRecovery>();
        services.AddScoped<PeopleReader>().AddScoped<PeopleCsvExport>();
        services.AddScoped<ImportUploadStore>().AddScoped<ImportPlanner>().AddScoped<ImportPreviews>();
        services.AddScoped<ImportSubmission>().AddScoped<RevertDeletions>().AddScoped<RevertPlanner>().AddScoped<ImportReverts>().AddScoped<ImportApplier>().AddScoped<ImportJob>().AddScoped<ImportJobs>().AddScoped<ImportRecovery>().AddSingleton<ImportProgress>();
        services.AddHostedService<ImportStartupRecovery>();
        services.AddScoped<MappingSchemas>();
        services.AddScoped<HomeOverviews>();
        return services;
    }
}
