using Microsoft.EntityFrameworkCore.Design;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Migrations.SqlServer;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for this provider without the web host.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<UserAdminDbContext>
{
    public UserAdminDbContext CreateDbContext(string[] args)
    {
        return new UserAdminDbContext(DatabaseSetup.OptionsFor(DatabaseProvider.SqlServer, "Server=localhost;Database=UserAdmin;Trusted_Connection=True;TrustServerCertificate=True"));
    }
}
