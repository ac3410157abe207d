using Microsoft.EntityFrameworkCore.Design;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Migrations.PostgreSql;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider without the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<UserAdminDbContext>
{
    public UserAdminDbContext CreateDbContext(string[] args)
    {
        return new UserAdminDbContext(DatabaseSetup.OptionsFor(DatabaseProvider.PostgreSql, "Host=localhost;Database=useradmin;Username=postgres"));
    }
}
