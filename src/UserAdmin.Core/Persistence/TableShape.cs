using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace UserAdmin.Core.Persistence;

/// <summary>One entity's table as the EF model maps it: delimited names, store types and value conversions.</summary>
internal sealed class TableShape
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _table;

    private TableShape(UserAdminDbContext db, Type entityType)
    {
        _entity = db.Model.FindEntityType(entityType) ?? throw new InvalidOperationException($"{entityType.Name} is not in the model.");
        _table = StoreObjectIdentifier.Table(_entity.GetTableName()!, _entity.GetSchema());
        Sql = db.GetService<ISqlGenerationHelper>();
        Name = Sql.DelimitIdentifier(_table.Name, _table.Schema);
    }

    public ISqlGenerationHelper Sql { get; }

    /// <summary>The delimited table name.</summary>
    public string Name { get; }

    /// <summary>Every column an insert writes: all but store-generated keys.</summary>
    public IReadOnlyList<TableColumn> InsertColumns => _entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).Select(Column).ToList();

    public static TableShape Of<TEntity>(UserAdminDbContext db) => new(db, typeof(TEntity));

    public static TableShape Of(UserAdminDbContext db, Type entityType) => new(db, entityType);

    public IReadOnlyList<TableColumn> Columns(IEnumerable<string> properties) => properties.Select(name =>
        Column(_entity.FindProperty(name) ?? throw new ArgumentException($"{_entity.DisplayName()} has no property {name}.", nameof(properties)))).ToList();

    private TableColumn Column(IProperty property) =>
        new(property, Sql.DelimitIdentifier(property.GetColumnName(_table)!), (RelationalTypeMapping)property.GetTypeMapping());
}

/// <summary>One column: its delimited name, its EF type mapping and how to read a row's value in the store's form.</summary>
internal sealed record TableColumn(IProperty Property, string Name, RelationalTypeMapping Mapping)
{
    public object ValueOf(object row)
    {
        var value = Property.GetGetter().GetClrValue(row);
        return (value is null ? null : Mapping.Converter?.ConvertToProvider(value) ?? value) ?? DBNull.Value;
    }

    /// <summary>Adds a parameter typed by the column's mapping, holding <paramref name="storeValue"/> (already in the store's form) or null.</summary>
    public DbParameter AddParameter(DbCommand command, string name, object? storeValue = null)
    {
        var parameter = Mapping.CreateParameter(command, name, value: null, Property.IsNullable);
        parameter.Value = storeValue ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
