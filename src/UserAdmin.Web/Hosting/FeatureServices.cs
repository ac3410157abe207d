using UserAdmin.Core.Users;

namespace UserAdmin.Web.Hosting;

/// <summary>Registers each feature's services; one line per feature.</summary>
internal static class FeatureServices
{
    public static IServiceCollection AddUserAdminFeatures(this IServiceCollection services)
    {
        services.AddScoped<UserList>().AddScoped<UserDetails>();
        return services;
    }
}
