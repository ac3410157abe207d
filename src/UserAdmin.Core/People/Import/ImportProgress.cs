using System.Collections.Concurrent;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// Rows written so far by the imports this process is running (R-IMP-10). The count lives in memory,
/// not in the database: the rows are written inside one transaction (R-IMP-8), and on SQLite no other
/// connection can commit while it is open, so a committed count could only appear at the end (ADR-0008).
/// The phase and the total are in the database, which every instance reads.
/// </summary>
public sealed class ImportProgress
{
    private readonly ConcurrentDictionary<int, int> _written = new();

    public void Report(int importId, int rowsWritten) => _written[importId] = rowsWritten;

    /// <summary>Rows written by a running import of this process, or null when it runs elsewhere or has finished.</summary>
    public int? WrittenBy(int importId) => _written.TryGetValue(importId, out var rows) ? rows : null;

    public void Forget(int importId) => _written.TryRemove(importId, out _);
}
