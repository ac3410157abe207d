using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers;

namespace UserAdmin.Tests.Transfers;

/// <summary>
/// Reads catalogue tables with plain SQL built from the EF model, so the tests check the engine
/// against the database rather than against the engine's own queries.
/// </summary>
internal static class TableContents
{
    public static string Table(UserAdminDbContext db, TransferableDataType type) =>
        db.Model.FindEntityType(type.EntityType)!.GetTableName()!;

    public static string Column(UserAdminDbContext db, TransferableDataType type, string property) =>
        db.Model.FindEntityType(type.EntityType)!.FindProperty(property)!.GetColumnName();

    /// <summary>Ids of the rows naming <paramref name="userId"/> in one user column.</summary>
    public static async Task<HashSet<long>> IdsAsync(UserAdminDbContext db, TransferableDataType type, string userColumn, int userId)
    {
        var sql = $"SELECT \"Id\" AS \"Value\" FROM \"{Table(db, type)}\" WHERE \"{Column(db, type, userColumn)}\" = {{0}}";
        return [.. await db.Database.SqlQueryRaw<long>(sql, userId).ToListAsync()];
    }

    /// <summary>Every user named in any user column of the type's table.</summary>
    public static async Task<HashSet<int>> OwnersAsync(UserAdminDbContext db, TransferableDataType type)
    {
        var owners = new HashSet<int>();
        foreach (var column in type.UserColumns)
        {
            var sql = $"SELECT DISTINCT \"{Column(db, type, column)}\" AS \"Value\" FROM \"{Table(db, type)}\"";
            owners.UnionWith(await db.Database.SqlQueryRaw<int>(sql).ToListAsync());
        }

        return owners;
    }

    public static async Task<long> CountAsync(UserAdminDbContext db, TransferableDataType type)
    {
        var sql = $"SELECT COUNT(*) AS \"Value\" FROM \"{Table(db, type)}\"";
        return await db.Database.SqlQueryRaw<long>(sql).SingleAsync();
    }

    /// <summary>Every row of every catalogue table, every column, as text: equal snapshots mean nothing changed.</summary>
    public static async Task<List<string>> SnapshotAsync(UserAdminDbContext db)
    {
        var rows = new List<string>();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            foreach (var type in TransferCatalogue.All)
            {
                await using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM \"{Table(db, type)}\" ORDER BY \"Id\"";
                await using var reader = await command.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var values = Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture));
                    rows.Add($"{type.Key}: {string.Join("|", values)}");
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return rows;
    }
}
