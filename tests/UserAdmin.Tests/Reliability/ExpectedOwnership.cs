using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Transfers;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Reliability;

/// <summary>
/// What each user of a bulk must own after it, per data type, worked out before it (DESIGN 2.3): the
/// target owns the source's rows (overwrite types) or the source's and its own (combine types), the
/// source owns none. A pair applied twice deletes the target's rows of the overwrite types again, and
/// a pair lost keeps the source's rows: either shows as a difference.
/// </summary>
public sealed class ExpectedOwnership
{
    private readonly Dictionary<(int User, string Type), int> _expected;
    private readonly Dictionary<string, int> _sourceRows;
    private readonly Dictionary<string, int> _targetRows;

    private ExpectedOwnership(Dictionary<(int, string), int> expected, Dictionary<string, int> sourceRows, Dictionary<string, int> targetRows)
    {
        _expected = expected;
        _sourceRows = sourceRows;
        _targetRows = targetRows;
    }

    public static async Task<ExpectedOwnership> BeforeAsync(TestDatabase database, BulkPairs bulk)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(bulk);
        await using var db = database.CreateDbContext();
        var counts = new TransferableDataCounts(db);
        var expected = new Dictionary<(int, string), int>();
        var sourceRows = TransferCatalogue.All.ToDictionary(t => t.Key, _ => 0);
        var targetRows = TransferCatalogue.All.ToDictionary(t => t.Key, _ => 0);
        foreach (var pair in bulk.Pairs)
        {
            var source = await counts.ForUserAsync(pair.SourceUserId);
            var target = await counts.ForUserAsync(pair.TargetUserId);
            foreach (var (ofSource, ofTarget) in source.Zip(target))
            {
                var type = ofSource.Type;
                expected[(pair.SourceUserId, type.Key)] = 0;
                expected[(pair.TargetUserId, type.Key)] = type.Mode == TransferMode.Overwrite ? ofSource.Rows : ofSource.Rows + ofTarget.Rows;
                sourceRows[type.Key] += ofSource.Rows;
                targetRows[type.Key] += type.Mode == TransferMode.Overwrite ? ofTarget.Rows : 0;
            }
        }

        if (sourceRows.Values.Any(rows => rows == 0))
        {
            throw new InvalidOperationException("The sources own no rows of some data type; the check would prove nothing for it.");
        }

        return new ExpectedOwnership(expected, sourceRows, targetRows);
    }

    /// <summary>Every user whose rows differ from the expectation, one line each; empty when the counts are conserved.</summary>
    public async Task<IReadOnlyList<string>> DifferencesAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateDbContext();
        var counts = new TransferableDataCounts(db);
        var differences = new List<string>();
        foreach (var user in _expected.Keys.Select(k => k.User).Distinct())
        {
            foreach (var owned in await counts.ForUserAsync(user))
            {
                var expected = _expected[(user, owned.Type.Key)];
                if (owned.Rows != expected)
                {
                    differences.Add($"user {user}, {owned.Type.Key}: expected {expected} rows, owns {owned.Rows}");
                }
            }
        }

        return differences;
    }

    /// <summary>
    /// The run's recorded figures per data type against the expectation: rows moved = the sources' rows,
    /// target rows deleted = the targets' rows of overwrite types. A pair recorded twice or never shows.
    /// </summary>
    public async Task<IReadOnlyList<string>> RecordedDifferencesAsync(TestDatabase database, int runId)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateDbContext();
        var recorded = await db.TransferRunCounts.AsNoTracking()
            .Where(c => db.TransferRunPairs.Any(p => p.Id == c.PairId && p.RunId == runId))
            .GroupBy(c => c.DataTypeKey)
            .Select(g => new { Type = g.Key, Moved = g.Sum(c => c.RowsMoved), Deleted = g.Sum(c => c.TargetRowsDeleted) })
            .ToDictionaryAsync(g => g.Type, g => (g.Moved, g.Deleted));
        return TransferCatalogue.All
            .Select(t => (Type: t.Key, Expected: (_sourceRows[t.Key], _targetRows[t.Key]), Recorded: recorded.GetValueOrDefault(t.Key)))
            .Where(t => t.Expected != t.Recorded)
            .Select(t => $"{t.Type}: expected {t.Expected.Item1} moved and {t.Expected.Item2} deleted, recorded {t.Recorded.Moved} and {t.Recorded.Deleted}")
            .ToList();
    }
}
