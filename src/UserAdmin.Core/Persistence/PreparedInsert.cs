using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace UserAdmin.Core.Persistence;

/// <summary>
/// Writes many new rows of one entity type with one parameterised INSERT command, in the caller's
/// transaction: on SQLite several times faster than SaveChanges, which tracks every entity and
/// reads back every generated key. Columns, names and value conversions come from the EF model.
/// Generated keys are not read back.
/// </summary>
public static class PreparedInsert
{
    public static async Task InsertAsync<TEntity>(UserAdminDbContext db, IEnumerable<TEntity> rows, CancellationToken cancellationToken = default)
        where TEntity : class
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("PreparedInsert runs inside a transaction; begin one first.");
        var entity = db.Model.FindEntityType(typeof(TEntity))
            ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction.GetDbTransaction();
        command.CommandText =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
        var parameters = columns.Select((column, i) => Parameter(command, column, $"@p{i}")).ToList();

        // No explicit Prepare: SQLite compiles the statement once per command anyway, and SQL Server
        // reuses one plan for the parameterised text without Prepare's stricter parameter rules.

        foreach (var row in rows)
        {
            foreach (var (column, parameter, mapping) in parameters)
            {
                var value = column.GetGetter().GetClrValue(row);
                parameter.Value = (value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
            }

            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static (IProperty Column, DbParameter Parameter, RelationalTypeMapping Mapping) Parameter(DbCommand command, IProperty column, string name)
    {
        var mapping = (RelationalTypeMapping)column.GetTypeMapping();
        var parameter = mapping.CreateParameter(command, name, value: null, column.IsNullable);
        command.Parameters.Add(parameter);
        return (column, parameter, mapping);
    }
}
