using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Core.DemoData;

/// <summary>
/// Child rows (comments, goal progress) of parents just written with <see cref="FastWrites"/>,
/// which reads no keys back: identity columns number new rows in insertion order, so the newest
/// parents, oldest first, are the ones just written.
/// </summary>
internal static class DemoChildren
{
    public static async Task<List<TChild>> OfWrittenAsync<TParent, TChild>(
        UserAdminDbContext db, List<TParent> parents, Func<TParent, List<TChild>> children, Action<TChild, long> setParentId, CancellationToken cancellationToken)
        where TParent : class
    {
        var ids = await db.Set<TParent>().OrderByDescending(p => EF.Property<long>(p, "Id")).Select(p => EF.Property<long>(p, "Id")).Take(parents.Count)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        ids.Reverse();
        return parents.Zip(ids).SelectMany(pair => children(pair.First).Select(child =>
        {
            setParentId(child, pair.Second);
            return child;
        })).ToList();
    }
}
