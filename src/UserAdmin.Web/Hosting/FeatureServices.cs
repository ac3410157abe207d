using UserAdmin.Core;
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
        services.AddExportsImportsAndTransfers();
        services.AddScoped<ITransferJobs, HangfireTransferJobs>().AddScoped<TransferJob>();
        services.AddHostedService<TransferRecovery>();
        services.AddScoped<ImportJob>().AddScoped<ImportJobs>();
        services.AddHostedService<DeadImportSweep>();
        services.AddScoped<MappingSchemas>();
        services.AddScoped<HomeOverviews>();
        return services;
    }
}
