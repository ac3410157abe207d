using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace UserAdmin.Core.Persistence;

/// <summary>
/// The fast write path for many rows of one entity type, inside the caller's transaction (ADR-0011), one
/// way per provider: SQLite runs in-process, so one reused prepared statement per row is the fastest;
/// SQL Server gets multi-row statements within its 2,100-parameter limit; PostgreSQL gets the rows as a
/// binary COPY and applies them with one set-based statement. Names and value conversions come from the
/// EF model; nothing is tracked and generated keys are not read back.
/// </summary>
public static class FastWrites
{
    /// <summary>Inserts <paramref name="rows"/>.</summary>
    public static async Task InsertAsync<TEntity>(UserAdminDbContext db, IEnumerable<TEntity> rows, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows as IReadOnlyList<TEntity> ?? rows.ToList();
        if (list.Count > 0)
        {
            await For(db).InsertAsync(new FastWrite(db, TableShape.Of<TEntity>(db)), list, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// For each pair, sets <paramref name="setProperties"/> to the values of <c>Values</c> in the row whose
    /// <paramref name="keyProperties"/> equal those of <c>Key</c>. Returns the positions (in <paramref name="rows"/>)
    /// of the pairs that matched no row, in ascending order.
    /// </summary>
    public static async Task<IReadOnlyList<int>> UpdateAsync<TEntity>(
        UserAdminDbContext db, IReadOnlyList<string> setProperties, IReadOnlyList<string> keyProperties,
        IReadOnlyList<(TEntity Values, TEntity Key)> rows, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentOutOfRangeException.ThrowIfZero(setProperties?.Count ?? 0, nameof(setProperties));
        if (rows.Count == 0)
        {
            return [];
        }

        var shape = TableShape.Of<TEntity>(db);
        var change = new RowChange(shape.Columns(setProperties!), shape.Columns(keyProperties));
        var matched = await For(db).UpdateAsync(new FastWrite(db, shape), change, rows.Select(r => ((object)r.Values, (object)r.Key)).ToList(), cancellationToken).ConfigureAwait(false);
        var seen = matched.ToHashSet();
        return Enumerable.Range(0, rows.Count).Where(i => !seen.Contains(i)).ToList();
    }

    /// <summary>Deletes the rows whose <paramref name="keyProperties"/> equal those of one of <paramref name="keys"/>.</summary>
    public static async Task DeleteAsync<TEntity>(UserAdminDbContext db, IReadOnlyList<string> keyProperties, IReadOnlyList<TEntity> keys, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(keys);
        if (keys.Count > 0)
        {
            var shape = TableShape.Of<TEntity>(db);
            await For(db).DeleteAsync(new FastWrite(db, shape), shape.Columns(keyProperties), keys, cancellationToken).ConfigureAwait(false);
        }
    }

    private static IProviderWrites For(UserAdminDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Provider switch
        {
            DatabaseProvider.SqlServer => SqlServerWrites.Instance,
            DatabaseProvider.PostgreSql => PostgreSqlWrites.Instance,
            _ => SqliteWrites.Instance,
        };
    }
}

/// <summary>The columns an update sets and the key columns that find its row.</summary>
internal sealed record RowChange(IReadOnlyList<TableColumn> Set, IReadOnlyList<TableColumn> Key);

/// <summary>One fast write: the table and the caller's connection and transaction.</summary>
internal sealed class FastWrite(UserAdminDbContext db, TableShape table)
{
    private readonly IDbContextTransaction _transaction = db.Database.CurrentTransaction
        ?? throw new InvalidOperationException("A fast write runs inside a transaction; begin one first.");

    public TableShape Table { get; } = table;

    public DbConnection Connection => _transaction.GetDbTransaction().Connection!;

    public DbCommand Command(string sql = "")
    {
        var command = Connection.CreateCommand();
        command.Transaction = _transaction.GetDbTransaction();
        command.CommandText = sql;
        return command;
    }
}

/// <summary>One provider's way of writing many rows; <see cref="FastWrites"/> picks it.</summary>
internal interface IProviderWrites
{
    Task InsertAsync(FastWrite write, IReadOnlyList<object> rows, CancellationToken cancellationToken);

    /// <summary>Returns the positions of the pairs that matched a row.</summary>
    Task<IReadOnlyList<int>> UpdateAsync(FastWrite write, RowChange change, IReadOnlyList<(object Values, object Key)> rows, CancellationToken cancellationToken);

    Task DeleteAsync(FastWrite write, IReadOnlyList<TableColumn> key, IReadOnlyList<object> keys, CancellationToken cancellationToken);
}
