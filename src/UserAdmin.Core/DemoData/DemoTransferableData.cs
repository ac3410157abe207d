using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.DemoData;

/// <summary>
/// Gives every demo user deterministic rows of every transferable data type (DESIGN 2.3), so that
/// transfers have something to move; skill mappings come with the users. Rows are built in memory
/// and written with prepared inserts in one transaction: no query per row.
/// </summary>
internal sealed class DemoTransferableData
{
    private readonly DemoQmData _qm = new();
    private readonly DemoClassicWfmData _classicWfm;

    /// <param name="random">Draws the values of the first twelve types, as before the catalogue grew.</param>
    /// <param name="moreRandom">Draws the values of the types added since, so the first twelve stay as they were.</param>
    public DemoTransferableData(IReadOnlyList<User> users, LocalDate today, Instant now, Random random, Random moreRandom)
    {
        _classicWfm = new DemoClassicWfmData(today, now);
        var userIds = users.Select(u => u.Id).ToArray();
        foreach (var user in users)
        {
            var other = OtherThan(user.Id, userIds, random);
            _qm.Add(user.Id, other, now, random);
            _classicWfm.Add(user.Id, random);
            _qm.AddMore(user.Id, other, today, now, moreRandom);
            _classicWfm.AddMore(user.Id, OtherThan(user.Id, userIds, moreRandom), user.MemberGroup?.Name ?? "Unallocated", moreRandom);
        }
    }

    /// <summary>Writes every row in one transaction: 200 users' rows in about a second.</summary>
    public Task WriteAsync(UserAdminDbContext db, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await _qm.WriteAsync(db, cancellationToken).ConfigureAwait(false);
                await _classicWfm.WriteAsync(db, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        });

    private static int OtherThan(int userId, int[] userIds, Random random)
    {
        if (userIds.Length == 1)
        {
            return userId;
        }

        var other = userIds[random.Next(userIds.Length - 1)];
        return other == userId ? userIds[^1] : other;
    }
}
