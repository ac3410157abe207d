using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;

namespace UserAdmin.Core.Transfers.Runs;

/// <summary>One pair of a run and its counts per data type (empty until it is done, or when the source had nothing).</summary>
public sealed record AuditEntry(TransferRunPair Pair, IReadOnlyList<TransferRunCount> Counts);

/// <summary>
/// R-BLK-7: the audit log of a run as CSV — one line per pair and data type it changed, one line per
/// failed pair with its error, each with its time; or, as the seed's second link, the errors only.
/// R-TRF-9: the columns name the pair's users as Source and Target.
/// </summary>
public sealed class TransferAuditLog(UserAdminDbContext db, TenantClock clock)
{
    private static readonly string[] Headers =
        ["Pair", "Source User ID", "Source", "Target User ID", "Target", "Data Type", "Rows Moved", "Target Rows Deleted", "Error", "Time"];

    /// <summary>The run's pairs in order (or only the failed ones), with the rows each moved and deleted per data type: the CSV's lines, and the API's.</summary>
    public async Task<IReadOnlyList<AuditEntry>> EntriesAsync(int runId, bool errorsOnly = false, CancellationToken cancellationToken = default)
    {
        var pairs = await db.TransferRunPairs.AsNoTracking().Where(p => p.RunId == runId && (!errorsOnly || p.State == TransferPairState.Failed))
            .OrderBy(p => p.Position).ToListAsync(cancellationToken).ConfigureAwait(false);
        var counts = (await db.TransferRunCounts.AsNoTracking()
                .Join(db.TransferRunPairs.Where(p => p.RunId == runId), c => c.PairId, p => p.Id, (c, _) => c)
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(c => c.PairId);
        return pairs.ConvertAll(p => new AuditEntry(p, counts[p.Id].ToList()));
    }

    public async Task WriteAsync(Stream output, int runId, bool errorsOnly = false, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var entries = await EntriesAsync(runId, errorsOnly, cancellationToken).ConfigureAwait(false);
        var log = CsvDownload.To(output, Headers);
        await using (log.ConfigureAwait(false))
        {
            foreach (var (pair, counts) in entries)
            {
                var time = pair.CompletedAt is { } at ? clock.InTenantZone(at).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "";
                string[] who = [pair.Position.ToString(CultureInfo.InvariantCulture), pair.SourceUserId.ToString(CultureInfo.InvariantCulture), pair.SourceLabel, pair.TargetUserId.ToString(CultureInfo.InvariantCulture), pair.TargetLabel];
                if (pair.State != TransferPairState.Done)
                {
                    await log.WriteRowAsync([.. who, "", "0", "0", pair.Error ?? "Not run yet.", time], cancellationToken).ConfigureAwait(false);
                    continue;
                }

                foreach (var count in counts)
                {
                    var name = TransferCatalogue.Find(count.DataTypeKey)?.Name ?? count.DataTypeKey;
                    await log.WriteRowAsync([.. who, name, count.RowsMoved.ToString(CultureInfo.InvariantCulture), count.TargetRowsDeleted.ToString(CultureInfo.InvariantCulture), "", time], cancellationToken).ConfigureAwait(false);
                }

                if (counts.Count == 0)
                {
                    await log.WriteRowAsync([.. who, "(no data to transfer)", "0", "0", "", time], cancellationToken).ConfigureAwait(false);
                }
            }
        }
    }
}
