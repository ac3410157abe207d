using UserAdmin.Core.Persistence;

namespace UserAdmin.Core.Transfers;

/// <summary>The product module that records a data type (DESIGN 2.3).</summary>
public enum TransferModule
{
    Qm,
    ClassicWfm,
}

/// <summary>How a transfer treats the target's own rows of a data type (DESIGN 2.3).</summary>
public enum TransferMode
{
    /// <summary>The target keeps its rows; the source's rows are re-pointed to the target.</summary>
    Combine,

    /// <summary>The target's rows are deleted first, then the source's rows are re-pointed to the target.</summary>
    Overwrite,
}

/// <summary>
/// One entry of <see cref="TransferCatalogue"/>: a table of data recorded against users, the columns
/// that name a user, and the transfer mode. Only the catalogue creates them.
/// </summary>
public abstract class TransferableDataType
{
    private protected TransferableDataType(string key, string name, TransferModule module, TransferMode mode, Type entityType, IReadOnlyList<string> userColumns)
    {
        Key = key;
        Name = name;
        Module = module;
        Mode = mode;
        EntityType = entityType;
        UserColumns = userColumns;
    }

    /// <summary>Stable identifier, stored in transfer history; never rename one.</summary>
    public string Key { get; }

    public string Name { get; }

    public TransferModule Module { get; }

    public TransferMode Mode { get; }

    public Type EntityType { get; }

    /// <summary>Property names of the user columns; a transfer re-points each of them.</summary>
    public IReadOnlyList<string> UserColumns { get; }

    /// <summary>
    /// For an overwritten type, in words, the unique key that makes combining impossible ("one per
    /// user per day"); null for a combined type. The database's unique index is the key itself.
    /// </summary>
    public string? UniqueKey { get; init; }

    public string ModuleName => Module switch
    {
        TransferModule.Qm => "QM",
        TransferModule.ClassicWfm => "Classic WFM",
        _ => Module.ToString(),
    };

    /// <summary>The mode in words, for pages and downloads.</summary>
    public string ModeName => Mode == TransferMode.Overwrite ? "Overwritten" : "Combined";

    public override string ToString() => Name;

    /// <summary>Applies this type's part of a transfer with set-based statements; the caller owns the transaction.</summary>
    internal abstract Task<DataTypeCounts> TransferAsync(UserAdminDbContext db, int sourceUserId, int targetUserId, CancellationToken cancellationToken);

    /// <summary>The figures <see cref="TransferAsync"/> would return, counted without changing anything (R-TRF-4).</summary>
    internal abstract Task<DataTypeCounts> ImpactAsync(UserAdminDbContext db, int sourceUserId, int targetUserId, CancellationToken cancellationToken);

    /// <summary>For each user column, in order, how many rows name each of <paramref name="userIds"/> there (bulk previews).</summary>
    internal abstract Task<IReadOnlyList<Dictionary<int, int>>> CountPerUserByColumnAsync(UserAdminDbContext db, IReadOnlyCollection<int> userIds, CancellationToken cancellationToken);

    /// <summary>Rows that name the user in any user column (a row naming the user twice counts once).</summary>
    internal abstract Task<int> CountOwnedAsync(UserAdminDbContext db, int userId, CancellationToken cancellationToken);
}

/// <summary>What a transfer does (or would do) to one data type.</summary>
/// <param name="RowsMoved">Source rows re-pointed to the target, summed over the user columns.</param>
/// <param name="TargetRowsDeleted">Target rows deleted first; always 0 for combined types.</param>
public sealed record DataTypeCounts(TransferableDataType Type, int RowsMoved, int TargetRowsDeleted);
