using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Core.Transfers.Runs;

/// <summary>A source's earlier, completed transfer (R-TRF-6): which run, to whom, when and by whom.</summary>
public sealed record EarlierTransfer(int RunId, int SourceUserId, string SourceLabel, string TargetLabel, Instant At, string By)
{
    public string Link => $"/transfers/{RunId}";
}

/// <summary>
/// R-TRF-6: each user's transfer history as the source of a done pair. The seed: "Do not re-run the merge
/// on users whose data was successfully transferred."
/// </summary>
public sealed class TransferHistory(UserAdminDbContext db)
{
    // Well under SQL Server's 2,100 parameters per command.
    private const int IdsPerQuery = 500;

    /// <summary>The latest done transfer of each of <paramref name="sourceUserIds"/> that has one.</summary>
    public async Task<IReadOnlyDictionary<int, EarlierTransfer>> EarlierTransfersAsync(IEnumerable<int> sourceUserIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sourceUserIds);
        var found = new Dictionary<int, EarlierTransfer>();
        foreach (var chunk in sourceUserIds.Distinct().Chunk(IdsPerQuery))
        {
            var done = await db.TransferRunPairs.AsNoTracking()
                .Where(p => p.State == TransferPairState.Done && chunk.Contains(p.SourceUserId))
                .Join(db.TransferRuns, p => p.RunId, r => r.Id, (p, r) => new { p.RunId, p.SourceUserId, p.SourceLabel, p.TargetLabel, p.CompletedAt, r.RequestedByName, p.Id })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var pair in done.OrderBy(p => p.Id))
            {
                found[pair.SourceUserId] = new EarlierTransfer(pair.RunId, pair.SourceUserId, pair.SourceLabel, pair.TargetLabel, pair.CompletedAt ?? Instant.MinValue, pair.RequestedByName);
            }
        }

        return found;
    }

    public async Task<EarlierTransfer?> EarlierTransferAsync(int sourceUserId, CancellationToken cancellationToken = default) =>
        (await EarlierTransfersAsync([sourceUserId], cancellationToken).ConfigureAwait(false)).GetValueOrDefault(sourceUserId);
}
