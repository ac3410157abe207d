using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>R-SEC-8: an import, its file name and its error report are for the administrator who ran it and for tenant administrators.</summary>
public sealed class ImportHistory(UserAdminDbContext db)
{
    public IQueryable<PeopleImport> Visible(AdministratorProfile administrator)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        var imports = db.PeopleImports.AsQueryable();
        return administrator.IsTenantAdministrator ? imports : imports.Where(i => i.ImportedByUserId == administrator.UserId);
    }
}
