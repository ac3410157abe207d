using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Transfers.Bulk;

/// <summary>
/// R-BLK-3: a From User ID edited to another existing user's id. The downloaded file describes each row's own
/// user; when the row's Email or Login belong to someone else, the From User ID was changed and the pair would
/// move data to the wrong user.
/// </summary>
internal sealed class EditedFromUserCheck(UserAdminDbContext db)
{
    private const int KeysPerQuery = 500;

    private sealed record Owner(int Id, string FirstName, string LastName, int? TeamId, int? MemberGroupId, string Email, string? Login);

    public async Task CheckAsync(AdministratorProfile administrator, List<BulkRow> rows, CancellationToken cancellationToken)
    {
        var described = rows.Where(r => r.Target is not null && (r.Email.Length > 0 || r.Login.Length > 0)).ToList();
        if (described.Count == 0)
        {
            return;
        }

        var byEmail = await OwnersAsync(described.Select(r => r.Email).Where(e => e.Length > 0).Select(User.NormalizeKey).Distinct().ToList(), login: false, cancellationToken).ConfigureAwait(false);
        var byLogin = await OwnersAsync(described.Select(r => r.Login).Where(l => l.Length > 0).Select(User.NormalizeKey).Distinct().ToList(), login: true, cancellationToken).ConfigureAwait(false);
        foreach (var row in described)
        {
            var (column, value, owner) = byEmail.GetValueOrDefault(User.NormalizeKey(row.Email)) is { } e && e.Id != row.Target
                ? ("Email", row.Email, e)
                : byLogin.GetValueOrDefault(User.NormalizeKey(row.Login)) is { } l && l.Id != row.Target
                    ? ("Login", row.Login, l)
                    : ("", "", (Owner?)null);
            if (owner is null)
            {
                continue;
            }

            var who = UserViewScope.Sees(administrator, owner.TeamId, owner.MemberGroupId) ? UserLabel.Of(owner.FirstName, owner.LastName, owner.Id) : "another user";
            row.Errors.Add(new CsvProblem(row.Line, BulkTransferExport.FromHeader, row.TargetText,
                $"From User ID {row.Target} was edited: this row's {column} \"{value}\" belongs to {who}. From User ID is the row's own user and must not be edited; enter the other user's id in To User ID on the row of the user who receives the data."));
        }
    }

    private async Task<Dictionary<string, Owner>> OwnersAsync(List<string> keys, bool login, CancellationToken cancellationToken)
    {
        var owners = new Dictionary<string, Owner>();
        foreach (var chunk in keys.Chunk(KeysPerQuery))
        {
            // Every user, not only those in the view: an edit to someone outside it must be caught too (and not named).
            var users = db.Users.AsNoTracking();
            var found = await (login ? users.Where(u => u.NormalizedLogin != null && chunk.Contains(u.NormalizedLogin)) : users.Where(u => chunk.Contains(u.NormalizedEmail)))
                .Select(u => new Owner(u.Id, u.FirstName, u.LastName, u.TeamId, u.MemberGroupId, u.NormalizedEmail, u.NormalizedLogin))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var owner in found)
            {
                owners[login ? owner.Login! : owner.Email] = owner;
            }
        }

        return owners;
    }
}
