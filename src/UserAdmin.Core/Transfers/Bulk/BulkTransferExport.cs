using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Transfers.Bulk;

/// <summary>
/// R-BLK-1 "Download an export of all users": every active and inactive user in the view, with the
/// row's own id as From User ID and an empty To User ID for the administrator to fill in. R-TRF-9: the
/// failed pairs of a run in the same format (the target's row carries the source's id in To User ID).
/// </summary>
public sealed class BulkTransferExport(UserAdminDbContext db, UserViewScope scope, TenantClock clock)
{
    public const string FileName = "people.csv";
    public const string FromHeader = "From User ID";
    public const string ToHeader = "To User ID";

    public static readonly string[] Headers = [FromHeader, ToHeader, "First Name", "Last Name", "Email", "Login", "Status", "Team"];

    private const int IdsPerQuery = 500;

    public static string FailedPairsFileName(int runId) => $"failed-pairs-of-transfer-{runId.ToString(CultureInfo.InvariantCulture)}.csv";

    public async Task WriteAsync(Stream output, AdministratorProfile administrator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var today = clock.Today;
        await WriteFileAsync(output, async download =>
        {
            await foreach (var user in Rows(scope.VisibleUsers(administrator)).AsAsyncEnumerable().WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                await WriteRowAsync(download, user, "", StatusOf(user, today), cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
    }

    /// <summary>The failed pairs of <paramref name="runId"/> as a bulk transfer file that uploads again unchanged.</summary>
    public async Task<int> WriteFailedPairsAsync(Stream output, AdministratorProfile administrator, int runId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var failed = await db.TransferRunPairs.AsNoTracking()
            .Where(p => p.RunId == runId && p.State == TransferPairState.Failed)
            .OrderBy(p => p.Position)
            .Select(p => new { p.SourceUserId, p.TargetUserId })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var today = clock.Today;
        await WriteFileAsync(output, async download =>
        {
            foreach (var chunk in failed.Chunk(IdsPerQuery))
            {
                var ids = chunk.Select(p => p.TargetUserId).ToList();
                var users = await Rows(scope.VisibleUsers(administrator).Where(u => ids.Contains(u.Id))).ToDictionaryAsync(u => u.Id, cancellationToken).ConfigureAwait(false);
                foreach (var pair in chunk)
                {
                    var target = users.GetValueOrDefault(pair.TargetUserId);
                    await WriteRowAsync(
                        download,
                        target ?? new ExportRow(pair.TargetUserId, "", "", "", null, null, null),
                        pair.SourceUserId.ToString(CultureInfo.InvariantCulture),
                        target is null ? "" : StatusOf(target, today),
                        cancellationToken).ConfigureAwait(false);
                }
            }
        }).ConfigureAwait(false);
        return failed.Count;
    }

    private static IQueryable<ExportRow> Rows(IQueryable<User> users) =>
        users.AsNoTracking()
            .OrderBy(u => u.Id)
            .Select(u => new ExportRow(u.Id, u.FirstName, u.LastName, u.Email, u.Login, u.Deactivated, u.Team == null ? null : u.Team.Name));

    private static async Task WriteFileAsync(Stream output, Func<CsvDownload, Task> rows)
    {
        var download = CsvDownload.To(output, Headers);
        await using (download.ConfigureAwait(false))
        {
            await rows(download).ConfigureAwait(false);
        }
    }

    private static Task WriteRowAsync(CsvDownload download, ExportRow user, string toUserId, string status, CancellationToken cancellationToken) =>
        download.WriteRowAsync([user.Id.ToString(CultureInfo.InvariantCulture), toUserId, user.FirstName, user.LastName, user.Email, user.Login ?? "", status, user.Team ?? ""], cancellationToken);

    private static string StatusOf(ExportRow user, LocalDate today) => Activity.IsActive(user.Deactivated, today) ? "Active" : "Inactive";

    private sealed record ExportRow(int Id, string FirstName, string LastName, string Email, string? Login, LocalDate? Deactivated, string? Team);
}
