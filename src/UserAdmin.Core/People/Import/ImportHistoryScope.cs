using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-SEC-8, in one place: an import's page, file name and error report (which holds rows of users the
/// importer saw) belong to the administrator who ran it, and to tenant administrators.
/// </summary>
public static class ImportHistoryScope
{
    public static IQueryable<PeopleImport> VisibleTo(this IQueryable<PeopleImport> imports, AdministratorProfile administrator)
    {
        ArgumentNullException.ThrowIfNull(imports);
        ArgumentNullException.ThrowIfNull(administrator);
        var userId = administrator.UserId;
        return administrator.IsTenantAdministrator ? imports : imports.Where(i => i.ImportedByUserId == userId);
    }
}
