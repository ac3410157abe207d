using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>R-SEC-8: an import is seen by the administrator who ran it and by tenant administrators.</summary>
public static class ImportHistoryScope
{
    public static IQueryable<PeopleImport> VisibleTo(this IQueryable<PeopleImport> imports, AdministratorProfile administrator)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        return administrator.IsTenantAdministrator ? imports : imports.Where(i => i.ImportedByUserId == administrator.UserId);
    }
}
