using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Bulk;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Reliability;

/// <summary>
/// Pairs of demo users for a bulk file, every user in at most one pair, none a tenant administrator.
/// A pair whose source and target share an evaluation (one as evaluator, one as approver) is skipped:
/// that row is one row of both, so "target's rows + source's rows" would count it twice.
/// </summary>
public sealed class BulkPairs
{
    private BulkPairs(IReadOnlyList<TransferPair> pairs) => Pairs = pairs;

    public IReadOnlyList<TransferPair> Pairs { get; }

    public int Count => Pairs.Count;

    /// <summary><paramref name="count"/> pairs among the users not in <paramref name="taken"/>.</summary>
    public static async Task<BulkPairs> ChooseAsync(TestDatabase database, int count, IEnumerable<TransferPair>? taken = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateDbContext();
        var busy = (taken ?? []).SelectMany(p => new[] { p.SourceUserId, p.TargetUserId }).ToHashSet();
        var users = await db.Users.AsNoTracking()
            .Where(u => !u.Roles.Any(r => r.IsTenantAdministrator))
            .OrderBy(u => u.Id)
            .Select(u => u.Id)
            .ToListAsync();
        var linked = (await db.Evaluations.AsNoTracking().Select(e => new { e.EvaluatorUserId, e.ApproverUserId }).ToListAsync())
            .SelectMany(e => new[] { (e.EvaluatorUserId, e.ApproverUserId), (e.ApproverUserId, e.EvaluatorUserId) })
            .ToHashSet();

        var free = users.Where(u => !busy.Contains(u)).ToList();
        var pairs = new List<TransferPair>(count);
        while (pairs.Count < count && free.Count >= 2)
        {
            var source = free[0];
            free.RemoveAt(0);
            var target = free.FindIndex(t => !linked.Contains((source, t)));
            if (target >= 0)
            {
                pairs.Add(new TransferPair(source, free[target]));
                free.RemoveAt(target);
            }
        }

        return pairs.Count == count
            ? new BulkPairs(pairs)
            : throw new InvalidOperationException($"Only {pairs.Count} of {count} pairs could be chosen; seed more demo users.");
    }

    /// <summary>The same users with source and target swapped: the bulk that moves the data back.</summary>
    public BulkPairs Reversed() => new([.. Pairs.Select(p => new TransferPair(p.TargetUserId, p.SourceUserId))]);

    /// <summary>The bulk file as an administrator edits the download (R-BLK-2): the target's row, the source in To User ID.</summary>
    public byte[] ToFile()
    {
        var text = new StringBuilder($"{BulkTransferExport.FromHeader},{BulkTransferExport.ToHeader}\r\n");
        foreach (var pair in Pairs)
        {
            text.Append(CultureInfo.InvariantCulture, $"{pair.TargetUserId},{pair.SourceUserId}\r\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }
}
