using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Tests.Infrastructure;

/// <summary>
/// A failure raised by the database itself: a trigger that aborts every update of <c>table</c>'s rows
/// matching <c>condition</c> (written against <c>OLD</c>). SQLite and PostgreSQL spell triggers differently.
/// </summary>
internal static class InjectedFault
{
    public static Task RefuseUpdatesAsync(UserAdminDbContext db, string name, string table, string condition, string message)
    {
        var sql = db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? $"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{message}'; END $$; " +
              $"CREATE TRIGGER {name} BEFORE UPDATE ON \"{table}\" FOR EACH ROW WHEN ({condition}) EXECUTE FUNCTION {name}();"
            : $"CREATE TRIGGER {name} BEFORE UPDATE ON \"{table}\" WHEN {condition} BEGIN SELECT RAISE(ABORT, '{message}'); END;";
        return db.Database.ExecuteSqlRawAsync(sql);
    }

    public static Task RemoveAsync(UserAdminDbContext db, string name, string table) =>
        db.Database.ExecuteSqlRawAsync(db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL"
            ? $"DROP TRIGGER {name} ON \"{table}\"; DROP FUNCTION {name}();"
            : $"DROP TRIGGER {name};");
}
