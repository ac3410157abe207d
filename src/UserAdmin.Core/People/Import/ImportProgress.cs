using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// Rows written so far by running imports (R-IMP-10), for the result page of any instance. The rows are written
/// inside one transaction (R-IMP-8), so the count cannot be committed with them: the run's
/// <see cref="ImportLease"/> records it outside that transaction at most once per planned chunk
/// (<c>Import:PlanChunkRows</c>), and <see cref="RunningImportLock.RowsWrittenAsync"/> reads it back (ADR-0016).
/// This process's own runs answer from memory, up to the last batch.
/// </summary>
public sealed class ImportProgress(RunningImportLock locks, IOptions<Uploads.UploadLimits> settings)
{
    private readonly ConcurrentDictionary<int, Run> _running = new();
    private readonly int _recordEvery = Math.Max(1, settings.Value.PlanChunkRows);

    /// <summary>Follows the run holding <paramref name="lease"/>, until <see cref="Forget"/>.</summary>
    public void Begin(ImportLease lease)
    {
        ArgumentNullException.ThrowIfNull(lease);
        _running[lease.ImportId] = new Run(lease);
    }

    public async Task ReportAsync(int importId, int rowsWritten, CancellationToken cancellationToken)
    {
        if (!_running.TryGetValue(importId, out var run))
        {
            return;
        }

        run.Written = rowsWritten;
        if (rowsWritten - run.Recorded >= _recordEvery)
        {
            // A lease that lost its connection throws here: the run stops, its transaction rolls back.
            await run.Lease.RecordWrittenAsync(rowsWritten, cancellationToken).ConfigureAwait(false);
            run.Recorded = rowsWritten;
        }
    }

    /// <summary>Rows written by a running import; <paramref name="stored"/> is its <see cref="PeopleImport.RowsWritten"/>.</summary>
    public Task<int> WrittenAsync(int importId, int stored, CancellationToken cancellationToken) =>
        _running.TryGetValue(importId, out var run) ? Task.FromResult(run.Written) : locks.RowsWrittenAsync(importId, stored, cancellationToken);

    public void Forget(int importId) => _running.TryRemove(importId, out _);

    private sealed class Run(ImportLease lease)
    {
        public ImportLease Lease { get; } = lease;

        public int Written { get; set; }

        public int Recorded { get; set; }
    }
}
