using System.Data.Common;

namespace UserAdmin.Core.Persistence;

/// <summary>
/// One row of a <see cref="FastReads"/> result, read by column position. The generic reader goes through
/// <see cref="DbDataReader"/>; on SQLite <see cref="SqliteReads"/> reads the statement's values itself
/// (ADR-0018). Both give a caller's mapping the same values, so it is written once.
/// </summary>
public abstract class ReadRow
{
    public abstract int IntegerAt(int ordinal);

    /// <summary>A text column's value, or null when it holds no text.</summary>
    public abstract string? TextAt(int ordinal);

    public string RequiredTextAt(int ordinal) => TextAt(ordinal) ?? throw new InvalidOperationException($"Column {ordinal} holds no text.");

    public abstract int? NumberAt(int ordinal);

    public abstract bool FlagAt(int ordinal);

    public abstract Guid UuidAt(int ordinal);

    public abstract DateOnly? DateAt(int ordinal);
}

/// <summary>A row of any provider's <see cref="DbDataReader"/>.</summary>
internal sealed class DataReaderRow(DbDataReader reader) : ReadRow
{
    public override int IntegerAt(int ordinal) => reader.GetInt32(ordinal);

    // One call per column instead of a null check and a read.
    public override string? TextAt(int ordinal) => reader.GetValue(ordinal) as string;

    public override int? NumberAt(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public override bool FlagAt(int ordinal) => reader.GetBoolean(ordinal);

    public override Guid UuidAt(int ordinal) => reader.GetGuid(ordinal);

    public override DateOnly? DateAt(int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateOnly>(ordinal);
}
