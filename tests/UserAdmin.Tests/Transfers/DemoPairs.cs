using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Transfers;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Transfers;

/// <summary>Demo users for single transfers and what a transfer of theirs must leave the target owning.</summary>
internal static class DemoPairs
{
    /// <summary>
    /// Two demo agents from <paramref name="fromId"/> on, neither a tenant administrator, who share no evaluation
    /// (a shared row is one row of both, which "target's + source's rows" would count twice).
    /// </summary>
    public static async Task<(int Source, int Target)> ChooseAsync(UserAdminAppFactory app, int fromId)
    {
        await using var db = app.CreateDbContext();
        var users = await db.Users.Where(u => u.Id >= fromId && u.PasswordHash == null && !u.Roles.Any(r => r.IsTenantAdministrator)).OrderBy(u => u.Id).Select(u => u.Id).Take(20).ToListAsync();
        var linked = (await db.Evaluations.Where(e => users.Contains(e.EvaluatorUserId) || users.Contains(e.ApproverUserId)).Select(e => new { e.EvaluatorUserId, e.ApproverUserId }).ToListAsync())
            .Select(e => (e.EvaluatorUserId, e.ApproverUserId)).ToHashSet();
        var target = users.Skip(1).First(t => !linked.Contains((users[0], t)) && !linked.Contains((t, users[0])));
        return (users[0], target);
    }

    /// <summary>Per type, what the target owns after the transfer: the source's rows, plus its own for combined types.</summary>
    public static async Task<Dictionary<string, int>> ExpectedTargetAsync(UserAdminAppFactory app, int source, int target)
    {
        await using var db = app.CreateDbContext();
        var sourceRows = await new TransferableDataCounts(db).ForUserAsync(source);
        var targetRows = await new TransferableDataCounts(db).ForUserAsync(target);
        return sourceRows.Zip(targetRows).ToDictionary(p => p.First.Type.Key, p => p.First.Type.Mode == TransferMode.Overwrite ? p.First.Rows : p.First.Rows + p.Second.Rows);
    }

    public static async Task<Dictionary<string, int>> OwnedAsync(UserAdminAppFactory app, int user)
    {
        await using var db = app.CreateDbContext();
        return (await new TransferableDataCounts(db).ForUserAsync(user)).ToDictionary(o => o.Type.Key, o => o.Rows);
    }
}
