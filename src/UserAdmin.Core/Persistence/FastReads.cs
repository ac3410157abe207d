using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace UserAdmin.Core.Persistence;

/// <summary>
/// Reads many rows of one table with a plain data reader over one SELECT, the read side of
/// <see cref="FastWrites"/> (ADR-0015): EF's materialisation (entities, value converters, per-column
/// null checks) was most of the export's time. Names come from the EF model, so the statement is
/// every provider's; the caller maps each row (a <see cref="ReadRow"/>), reading columns by position in the order it asked for them.
/// </summary>
public static class FastReads
{
    /// <summary>
    /// Keys per statement where each key is a parameter of its own (SQL Server takes at most 2,100 per command);
    /// SQLite and PostgreSQL get every key in one parameter. Look-ups by keys written as EF queries chunk by it too.
    /// </summary>
    public const int KeysPerStatement = 1000;

    /// <summary>The rows whose <paramref name="keyProperty"/> lies between <paramref name="first"/> and <paramref name="last"/>, inside the caller's transaction if there is one.</summary>
    public static Task<List<T>> RangeAsync<TEntity, T>(
        UserAdminDbContext db, string keyProperty, int first, int last, IReadOnlyList<string> properties, Func<ReadRow, T> read, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var shape = TableShape.Of<TEntity>(db);
        var key = shape.Columns([keyProperty])[0];
        return ReadAsync(db, shape, properties, read, [(first, last)], (command, range) =>
        {
            key.AddParameter(command, shape.Sql.GenerateParameterName("first"), range.first);
            key.AddParameter(command, shape.Sql.GenerateParameterName("last"), range.last);
            return $"{key.Name} >= {shape.Sql.GenerateParameterNamePlaceholder("first")} AND {key.Name} <= {shape.Sql.GenerateParameterNamePlaceholder("last")}";
        }, cancellationToken);
    }

    /// <summary>The rows whose <paramref name="keyProperty"/> is one of <paramref name="keys"/> (any number: on SQL Server a statement per thousand).</summary>
    public static Task<List<T>> WithKeysAsync<TEntity, T>(
        UserAdminDbContext db, string keyProperty, IReadOnlyList<int> keys, IReadOnlyList<string> properties, Func<ReadRow, T> read, CancellationToken cancellationToken = default) =>
        WithKeysAsync<TEntity, int, T>(db, keyProperty, keys, properties, read, cancellationToken);

    /// <summary>The rows whose <paramref name="keyProperty"/> is one of <paramref name="keys"/>, keys of any type the column stores as they are (text, numbers).</summary>
    public static Task<List<T>> WithKeysAsync<TEntity, TKey, T>(
        UserAdminDbContext db, string keyProperty, IReadOnlyList<TKey> keys, IReadOnlyList<string> properties, Func<ReadRow, T> read, CancellationToken cancellationToken = default)
        where TKey : notnull
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(keys);
        var shape = TableShape.Of<TEntity>(db);
        var key = shape.Columns([keyProperty])[0];
        return db.Provider switch
        {
            // One parameter holding every key: the statement's text, and so its preparation, is the same for any number of keys.
            DatabaseProvider.Sqlite => ReadAsync(db, shape, properties, read, [keys], (command, all) =>
                $"{key.Name} IN (SELECT value FROM json_each({KeysParameter(command, shape, System.Text.Json.JsonSerializer.Serialize(all))}))", cancellationToken),
            DatabaseProvider.PostgreSql => ReadAsync(db, shape, properties, read, [keys], (command, all) =>
                $"{key.Name} = ANY({KeysParameter(command, shape, all.ToArray())})", cancellationToken),
            _ => ReadAsync(db, shape, properties, read, keys.Chunk(KeysPerStatement).ToList(), (command, chunk) => InList(command, shape, key, chunk), cancellationToken),
        };
    }

    private static string KeysParameter(DbCommand command, TableShape shape, object keys)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = shape.Sql.GenerateParameterName("keys");
        parameter.Value = keys;
        command.Parameters.Add(parameter);
        return shape.Sql.GenerateParameterNamePlaceholder("keys");
    }

    private static string InList<TKey>(DbCommand command, TableShape shape, TableColumn key, TKey[] keys)
    {
        var names = new List<string>();
        for (var i = 0; i < keys.Length; i++)
        {
            var name = "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            key.AddParameter(command, shape.Sql.GenerateParameterName(name), keys[i]);
            names.Add(shape.Sql.GenerateParameterNamePlaceholder(name));
        }

        return $"{key.Name} IN ({string.Join(", ", names)})";
    }

    private static async Task<List<T>> ReadAsync<TPart, T>(
        UserAdminDbContext db, TableShape shape, IReadOnlyList<string> properties, Func<ReadRow, T> read, IReadOnlyList<TPart> parts, Func<DbCommand, TPart, string> where, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(read);
        var columns = string.Join(", ", shape.Columns(properties).Select(c => c.Name));
        var rows = new List<T>();

        // The one place a provider's own reader is chosen: SQLite runs in-process, so the cost is in the calls per value (ADR-0018).
        var sqlite = db.Provider == DatabaseProvider.Sqlite;
        await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            foreach (var part in parts)
            {
                var command = db.Database.GetDbConnection().CreateCommand();
                await using (command.ConfigureAwait(false))
                {
                    command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
                    command.CommandText = $"SELECT {columns} FROM {shape.Name} WHERE {where(command, part)}";
                    if (sqlite)
                    {
                        SqliteReads.Read(command, read, rows);
                        continue;
                    }

                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        var row = new DataReaderRow(reader);
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            rows.Add(read(row));
                        }
                    }
                }
            }

            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync().ConfigureAwait(false);
        }
    }
}
