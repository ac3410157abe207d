using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;

// Tests inject a failure between data types to prove that a pair is all or nothing (R-TRF-2).
[assembly: InternalsVisibleTo("UserAdmin.Tests")]

namespace UserAdmin.Core.Transfers;

/// <summary>
/// Transfers one pair's data, every type of <see cref="TransferCatalogue"/>, in one database
/// transaction (R-TRF-2), with set-based statements only. It does not check R-TRF-3: callers run
/// <see cref="TransferRules"/> first.
/// </summary>
public sealed class TransferEngine
{
    private readonly UserAdminDbContext _db;
    private readonly Func<TransferableDataType, CancellationToken, Task>? _afterType;

    public TransferEngine(UserAdminDbContext db)
        : this(db, afterType: null)
    {
    }

    /// <param name="afterType">Called after each type's statements, inside the transaction; a test hook.</param>
    internal TransferEngine(UserAdminDbContext db, Func<TransferableDataType, CancellationToken, Task>? afterType)
    {
        ArgumentNullException.ThrowIfNull(db);
        _db = db;
        _afterType = afterType;
    }

    /// <summary>
    /// Moves the source's data to the target. Inside a caller's transaction (the bulk job claims a
    /// pair and transfers it in one) it joins that transaction and the caller commits; on SQL Server
    /// that caller must run inside <c>Database.CreateExecutionStrategy()</c>. Otherwise it opens,
    /// commits and, on a transient SQL Server error, retries its own transaction.
    /// </summary>
    public async Task<PairTransferResult> TransferAsync(int sourceUserId, int targetUserId, CancellationToken cancellationToken = default)
    {
        // An overwrite would delete the user's own rows and move nothing back: refuse rather than lose data.
        if (sourceUserId == targetUserId)
        {
            throw new ArgumentException($"User {sourceUserId} cannot transfer data to itself.", nameof(targetUserId));
        }

        if (_db.Database.CurrentTransaction is not null)
        {
            return await TransferTypesAsync(sourceUserId, targetUserId, cancellationToken).ConfigureAwait(false);
        }

        var strategy = _db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteInTransactionAsync(
            cancellationToken => TransferTypesAsync(sourceUserId, targetUserId, cancellationToken),
            // After a commit whose outcome was lost, a retry would delete the target's overwritten rows,
            // which by then are the source's moved rows; a source that owns nothing means it committed.
            cancellationToken => SourceOwnsNothingAsync(sourceUserId, cancellationToken),
            cancellationToken).ConfigureAwait(false);
    }

    /// <summary>R-TRF-4: per data type, how many source rows would move and target rows be deleted. Changes nothing.</summary>
    public async Task<TransferImpact> ImpactAsync(int sourceUserId, int targetUserId, CancellationToken cancellationToken = default)
    {
        var counts = new List<DataTypeCounts>(TransferCatalogue.All.Count);
        foreach (var type in TransferCatalogue.All)
        {
            counts.Add(await type.ImpactAsync(_db, sourceUserId, targetUserId, cancellationToken).ConfigureAwait(false));
        }

        return new TransferImpact(sourceUserId, targetUserId, counts);
    }

    /// <summary>
    /// R-TRF-4 for many pairs at once (the bulk preview): per type and user column one grouped COUNT over
    /// all the users involved, instead of two queries per pair and type. Each pair is counted as if it ran alone.
    /// </summary>
    public async Task<IReadOnlyList<TransferImpact>> ImpactAsync(IReadOnlyList<TransferPair> pairs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var users = pairs.SelectMany(p => new[] { p.SourceUserId, p.TargetUserId }).Distinct().ToList();
        var perType = new List<(TransferableDataType Type, IReadOnlyList<Dictionary<int, int>> Columns)>();
        foreach (var type in TransferCatalogue.All)
        {
            perType.Add((type, await type.CountPerUserByColumnAsync(_db, users, cancellationToken).ConfigureAwait(false)));
        }

        var impacts = new List<TransferImpact>(pairs.Count);
        foreach (var pair in pairs)
        {
            var counts = new List<DataTypeCounts>(perType.Count);
            foreach (var (type, columns) in perType)
            {
                var moved = columns.Sum(c => c.GetValueOrDefault(pair.SourceUserId));
                var deleted = type.Mode == TransferMode.Overwrite
                    ? (columns.Count == 1
                        ? columns[0].GetValueOrDefault(pair.TargetUserId)
                        : await type.CountOwnedAsync(_db, pair.TargetUserId, cancellationToken).ConfigureAwait(false))
                    : 0;
                counts.Add(new DataTypeCounts(type, moved, deleted));
            }

            impacts.Add(new TransferImpact(pair.SourceUserId, pair.TargetUserId, counts));
        }

        return impacts;
    }

    private async Task<PairTransferResult> TransferTypesAsync(int sourceUserId, int targetUserId, CancellationToken cancellationToken)
    {
        var counts = new List<DataTypeCounts>(TransferCatalogue.All.Count);
        foreach (var type in TransferCatalogue.All)
        {
            counts.Add(await type.TransferAsync(_db, sourceUserId, targetUserId, cancellationToken).ConfigureAwait(false));
            if (_afterType is not null)
            {
                await _afterType(type, cancellationToken).ConfigureAwait(false);
            }
        }

        return new PairTransferResult(sourceUserId, targetUserId, counts);
    }

    private async Task<bool> SourceOwnsNothingAsync(int sourceUserId, CancellationToken cancellationToken)
    {
        foreach (var type in TransferCatalogue.All)
        {
            if (await type.CountOwnedAsync(_db, sourceUserId, cancellationToken).ConfigureAwait(false) > 0)
            {
                return false;
            }
        }

        return true;
    }
}

/// <summary>What one pair's transfer did, per data type in catalogue order.</summary>
public sealed record PairTransferResult(int SourceUserId, int TargetUserId, IReadOnlyList<DataTypeCounts> Counts)
{
    public int RowsMoved => Counts.Sum(c => c.RowsMoved);

    public int TargetRowsDeleted => Counts.Sum(c => c.TargetRowsDeleted);
}

/// <summary>What one pair's transfer would do, per data type in catalogue order (R-TRF-4).</summary>
public sealed record TransferImpact(int SourceUserId, int TargetUserId, IReadOnlyList<DataTypeCounts> Counts)
{
    /// <summary>R-TRF-7: the types whose target rows are deleted and nothing replaces them.</summary>
    public IReadOnlyList<DataTypeCounts> DestroyedWithoutReplacement => Counts.Where(ImpactWords.DestroysWithoutReplacement).ToList();

    public int RowsMoved => Counts.Sum(c => c.RowsMoved);

    public int TargetRowsDeleted => Counts.Sum(c => c.TargetRowsDeleted);
}
