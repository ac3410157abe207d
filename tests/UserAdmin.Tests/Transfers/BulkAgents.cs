using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Transfers;

/// <summary>Extra agents for bulk transfers, and bulk files written as the administrator edits the download.</summary>
public static class BulkAgents
{
    /// <summary>Adds 2 × <paramref name="pairs"/> agents of team Alpha; returns (source, target) ids, each source owning one login state.</summary>
    public static async Task<List<(int Source, int Target)>> AddAsync(UserAdminAppFactory app, int pairs, string tag)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var db = app.CreateDbContext();
        var team = await db.Teams.SingleAsync(t => t.Name == "Alpha");
        var users = Enumerable.Range(0, pairs * 2)
            .Select(i => new User { FirstName = "Bulk", LastName = $"{tag}{i:D4}", Email = $"bulk.{tag}.{i}@example.com", TeamId = team.Id })
            .ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync();
        db.LoginStates.AddRange(users.Where((_, i) => i % 2 == 0).Select(u => new LoginState { UserId = u.Id, LoggedInAt = UserAdminAppFactory.StartInstant, Workstation = "WS-1" }));
        await db.SaveChangesAsync();
        return Enumerable.Range(0, pairs).Select(i => (users[2 * i].Id, users[(2 * i) + 1].Id)).ToList();
    }

    /// <summary>R-BLK-2: the row's own user (From) receives the data of the user in To.</summary>
    public static byte[] File(IEnumerable<(int Source, int Target)> pairs)
    {
        var text = new StringBuilder("From User ID,To User ID\r\n");
        foreach (var (source, target) in pairs)
        {
            text.Append(CultureInfo.InvariantCulture, $"{target},{source}\r\n");
        }

        return ImportSteps.Utf8(text.ToString());
    }
}
