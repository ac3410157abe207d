using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Core.Transfers;

/// <summary>
/// A catalogue entry for entity <typeparamref name="TEntity"/>: builds its transfer, impact and
/// ownership queries from the user-column selectors, so adding a data type needs no engine code.
/// Every statement is set-based (an <c>UPDATE</c>, a <c>DELETE</c> or a <c>COUNT</c>): no row is loaded. The transfer's
/// own statements are plain SQL built once from the model (<see cref="TransferStatements"/>): a bulk runs them tens
/// of thousands of times, and translating the same LINQ again for each pair cost more than running it.
/// </summary>
internal sealed class DataType<TEntity> : TransferableDataType
    where TEntity : class
{
    private readonly Expression<Func<TEntity, int>>[] _columns;

    // One set per model, that is per provider: the statements use the provider's quoting.
    private readonly ConditionalWeakTable<IModel, TransferStatements> _statements = new();

    public DataType(string key, string name, TransferModule module, TransferMode mode, params Expression<Func<TEntity, int>>[] userColumns)
        : base(key, name, module, mode, typeof(TEntity), userColumns.Select(ColumnName).ToArray())
    {
        if (userColumns.Length == 0)
        {
            throw new ArgumentException($"Data type {key} needs at least one user column.", nameof(userColumns));
        }

        _columns = userColumns;
    }

    internal override async Task<DataTypeCounts> TransferAsync(UserAdminDbContext db, int sourceUserId, int targetUserId, CancellationToken cancellationToken)
    {
        var statements = _statements.GetValue(db.Model, _ => TransferStatements.Of(db, EntityType, Mode, UserColumns));
        var deleted = statements.DeleteTarget is { } delete
            ? await db.Database.ExecuteSqlRawAsync(delete, [targetUserId], cancellationToken).ConfigureAwait(false)
            : 0;
        var moved = 0;
        foreach (var repoint in statements.Repoint)
        {
            moved += await db.Database.ExecuteSqlRawAsync(repoint, [sourceUserId, targetUserId], cancellationToken).ConfigureAwait(false);
        }

        return new DataTypeCounts(this, moved, deleted);
    }

    internal override async Task<DataTypeCounts> ImpactAsync(UserAdminDbContext db, int sourceUserId, int targetUserId, CancellationToken cancellationToken)
    {
        var rows = db.Set<TEntity>().AsNoTracking();
        var deleted = Mode == TransferMode.Overwrite
            ? await rows.CountAsync(AnyColumnIs(targetUserId), cancellationToken).ConfigureAwait(false)
            : 0;
        var moved = 0;
        foreach (var column in _columns)
        {
            moved += await rows.CountAsync(ColumnIs(column, sourceUserId), cancellationToken).ConfigureAwait(false);
        }

        return new DataTypeCounts(this, moved, deleted);
    }

    internal override async Task<IReadOnlyList<Dictionary<int, int>>> CountPerUserByColumnAsync(UserAdminDbContext db, IReadOnlyCollection<int> userIds, CancellationToken cancellationToken)
    {
        var perColumn = new List<Dictionary<int, int>>(_columns.Length);
        foreach (var column in _columns)
        {
            var counts = new Dictionary<int, int>();
            foreach (var chunk in userIds.Chunk(IdsPerQuery))
            {
                var grouped = await db.Set<TEntity>().AsNoTracking()
                    .Where(ColumnIn(column, chunk))
                    .GroupBy(column)
                    .Select(g => new { User = g.Key, Rows = g.Count() })
                    .ToListAsync(cancellationToken).ConfigureAwait(false);
                foreach (var row in grouped)
                {
                    counts[row.User] = row.Rows;
                }
            }

            perColumn.Add(counts);
        }

        return perColumn;
    }

    internal override Task<int> CountOwnedAsync(UserAdminDbContext db, int userId, CancellationToken cancellationToken) =>
        db.Set<TEntity>().AsNoTracking().CountAsync(AnyColumnIs(userId), cancellationToken);

    // Well under SQL Server's 2,100 parameters per command.
    private const int IdsPerQuery = 500;

    private static Expression<Func<TEntity, bool>> ColumnIn(Expression<Func<TEntity, int>> column, int[] userIds)
    {
        Expression<Func<int[]>> ids = () => userIds;
        var contains = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(int)], ids.Body, column.Body);
        return Expression.Lambda<Func<TEntity, bool>>(contains, column.Parameters);
    }

    private static Expression<Func<TEntity, bool>> ColumnIs(Expression<Func<TEntity, int>> column, int userId) =>
        Expression.Lambda<Func<TEntity, bool>>(IsUser(column.Body, userId), column.Parameters);

    private Expression<Func<TEntity, bool>> AnyColumnIs(int userId)
    {
        var row = Expression.Parameter(typeof(TEntity), "row");
        var test = UserColumns
            .Select(name => IsUser(Expression.Property(row, name), userId))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<TEntity, bool>>(test, row);
    }

    // The id is read from a closure rather than inlined as a constant so that EF sends it as a
    // parameter and every pair reuses one cached query and one SQL plan.
    private static BinaryExpression IsUser(Expression column, int userId)
    {
        Expression<Func<int>> value = () => userId;
        return Expression.Equal(column, value.Body);
    }

    private static string ColumnName(Expression<Func<TEntity, int>> column) =>
        column.Body is MemberExpression { Member: var member } && member.DeclaringType!.IsAssignableFrom(typeof(TEntity))
            ? member.Name
            : throw new ArgumentException($"A user column of {typeof(TEntity).Name} must be a property, such as row => row.UserId.", nameof(column));
}
