using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Overview;

/// <summary>A transfer as the home page lists it; <see cref="FirstPair"/> names a single transfer's pair.</summary>
public sealed record RecentTransfer(int Id, TransferKind Kind, TransferRunState State, string RequestedBy, NodaTime.Instant RequestedAt, int TotalPairs, int DonePairs, int FailedPairs, string? FirstPair);

/// <summary>An import as the home page lists it.</summary>
public sealed record RecentImport(int Id, string FileName, string ImportedBy, NodaTime.Instant ImportedAt, int Created, int Updated, int Unchanged, int Skipped);

/// <summary>
/// R-UX-1: what the home page shows the signed-in user. Each part is read only when the user holds
/// the permission its pages need, through the same visibility rules as those pages.
/// </summary>
public sealed record HomeOverview(
    TransferRunStatus? RunningBulk,
    bool OtherBulkRunning,
    IReadOnlyList<RecentTransfer> Transfers,
    IReadOnlyList<RecentImport> Imports,
    int UsersInView);

/// <summary>Reads the <see cref="HomeOverview"/>: a handful of small queries, none per row.</summary>
public sealed class HomeOverviews(UserAdminDbContext db, TransferRunQueries runs, UserViewScope scope)
{
    public const int Latest = 5;

    public async Task<HomeOverview> ForAsync(AdministratorProfile administrator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(administrator);
        var usersInView = await scope.VisibleUsers(administrator).CountAsync(cancellationToken).ConfigureAwait(false);
        TransferRunStatus? bulk = null;
        var otherBulk = false;
        IReadOnlyList<RecentTransfer> transfers = [];
        if (administrator.Has(Permissions.TransferUserData))
        {
            var active = await runs.Visible(administrator)
                .Where(r => r.Kind == TransferKind.Bulk && r.ActiveBulkSlot != null)
                .Select(r => (int?)r.Id)
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            bulk = active is { } id ? await runs.StatusAsync(administrator, id, cancellationToken).ConfigureAwait(false) : null;

            // Another administrator's bulk names no one, but it explains why a new bulk would be refused (R-BLK-5).
            otherBulk = bulk is null && await db.TransferRuns.AnyAsync(r => r.ActiveBulkSlot != null, cancellationToken).ConfigureAwait(false);
            transfers = await runs.Visible(administrator)
                .OrderByDescending(r => r.Id).Take(Latest)
                .Select(r => new RecentTransfer(
                    r.Id, r.Kind, r.State, r.RequestedByName, r.RequestedAt, r.TotalPairs, r.DonePairs, r.FailedPairs,
                    r.Pairs.OrderBy(p => p.Position).Select(p => p.SourceLabel + " → " + p.TargetLabel).FirstOrDefault()))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        IReadOnlyList<RecentImport> imports = [];
        if (administrator.Has(Permissions.AssignUserRoles))
        {
            imports = await db.PeopleImports.AsNoTracking().VisibleTo(administrator)
                .OrderByDescending(i => i.Id).Take(Latest)
                .Select(i => new RecentImport(i.Id, i.FileName, i.ImportedByName, i.ImportedAt, i.Created, i.Updated, i.Unchanged, i.Skipped))
                .ToListAsync(cancellationToken).ConfigureAwait(false);
        }

        return new HomeOverview(bulk, otherBulk, transfers, imports, usersInView);
    }
}
