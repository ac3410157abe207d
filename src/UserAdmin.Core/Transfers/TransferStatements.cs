using UserAdmin.Core.Persistence;

namespace UserAdmin.Core.Transfers;

/// <summary>
/// One data type's transfer as SQL in the provider's own quoting, its user ids sent as parameters: for an
/// overwritten type, <see cref="DeleteTarget"/> deletes the target's (<c>{0}</c>) rows, by any user column; then,
/// for each user column, a <see cref="Repoint"/> statement moves the source's (<c>{0}</c>) rows to the target (<c>{1}</c>).
/// </summary>
internal sealed record TransferStatements(string? DeleteTarget, IReadOnlyList<string> Repoint)
{
    public static TransferStatements Of(UserAdminDbContext db, Type entityType, TransferMode mode, IReadOnlyList<string> userColumns)
    {
        var table = TableShape.Of(db, entityType);
        var columns = table.Columns(userColumns).Select(c => c.Name).ToList();
        var deleteTarget = mode == TransferMode.Overwrite
            ? $"DELETE FROM {table.Name} WHERE {string.Join(" OR ", columns.Select(c => c + " = {0}"))}"
            : null;
        return new TransferStatements(deleteTarget, columns.ConvertAll(c => $"UPDATE {table.Name} SET {c} = {{1}} WHERE {c} = {{0}}"));
    }
}
