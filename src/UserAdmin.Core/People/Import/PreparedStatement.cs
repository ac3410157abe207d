using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// One parameterised UPDATE or DELETE of an entity's table, reused for every row in the caller's
/// transaction: <see cref="PreparedInsert"/>'s counterpart for changes. Names and value conversions
/// come from the EF model; there is no change tracking, so an import of 100,000 rows costs one
/// statement per row and nothing per entity.
/// </summary>
internal sealed class PreparedStatement<TEntity> : IAsyncDisposable
    where TEntity : class
{
    private readonly DbCommand _command;
    private readonly List<(IProperty Property, DbParameter Parameter, RelationalTypeMapping Mapping)> _set;
    private readonly List<(IProperty Property, DbParameter Parameter, RelationalTypeMapping Mapping)> _where;

    private PreparedStatement(UserAdminDbContext db, IReadOnlyList<string> setProperties, IReadOnlyList<string> whereProperties)
    {
        var transaction = db.Database.CurrentTransaction
            ?? throw new InvalidOperationException("A prepared statement runs inside a transaction; begin one first.");
        var entity = db.Model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        _command = db.Database.GetDbConnection().CreateCommand();
        _command.Transaction = transaction.GetDbTransaction();
        _set = setProperties.Select((name, i) => Parameter(entity, name, $"@s{i}")).ToList();
        _where = whereProperties.Select((name, i) => Parameter(entity, name, $"@w{i}")).ToList();

        string Column(IProperty property) => sql.DelimitIdentifier(property.GetColumnName(table)!);
        var condition = string.Join(" AND ", _where.Select(w => $"{Column(w.Property)} = {w.Parameter.ParameterName}"));
        var target = sql.DelimitIdentifier(table.Name, table.Schema);
        _command.CommandText = _set.Count == 0
            ? $"DELETE FROM {target} WHERE {condition}"
            : $"UPDATE {target} SET {string.Join(", ", _set.Select(s => $"{Column(s.Property)} = {s.Parameter.ParameterName}"))} WHERE {condition}";
    }

    /// <summary>UPDATE of <paramref name="setProperties"/> in the rows matching <paramref name="whereProperties"/>.</summary>
    public static PreparedStatement<TEntity> Update(UserAdminDbContext db, IReadOnlyList<string> setProperties, IReadOnlyList<string> whereProperties) =>
        new(db, setProperties.Count > 0 ? setProperties : throw new ArgumentException("An update sets at least one property.", nameof(setProperties)), whereProperties);

    /// <summary>DELETE of the rows matching <paramref name="whereProperties"/>.</summary>
    public static PreparedStatement<TEntity> Delete(UserAdminDbContext db, IReadOnlyList<string> whereProperties) => new(db, [], whereProperties);

    /// <summary>Runs the statement with the set values of <paramref name="values"/> and the condition values of <paramref name="key"/>; returns the rows affected.</summary>
    public Task<int> ExecuteAsync(TEntity? values, TEntity key, CancellationToken cancellationToken)
    {
        Bind(_set, values);
        Bind(_where, key);
        return _command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private static void Bind(List<(IProperty Property, DbParameter Parameter, RelationalTypeMapping Mapping)> parameters, TEntity? row)
    {
        foreach (var (property, parameter, mapping) in parameters)
        {
            var value = property.GetGetter().GetClrValue(row!);
            parameter.Value = (value is null ? null : mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
        }
    }

    private (IProperty, DbParameter, RelationalTypeMapping) Parameter(IEntityType entity, string propertyName, string parameterName)
    {
        var property = entity.FindProperty(propertyName) ?? throw new ArgumentException($"{entity.DisplayName()} has no property {propertyName}.", nameof(propertyName));
        var mapping = (RelationalTypeMapping)property.GetTypeMapping();
        var parameter = mapping.CreateParameter(_command, parameterName, value: null, property.IsNullable);
        _command.Parameters.Add(parameter);
        return (property, parameter, mapping);
    }
}
