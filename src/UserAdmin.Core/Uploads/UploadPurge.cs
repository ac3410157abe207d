using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;

namespace UserAdmin.Core.Uploads;

/// <summary>
/// R-SEC-9: an uploaded file (people rows, e-mail addresses) is kept no longer than its flow needs: deleted
/// once imported and when expired. Run by a recurring job every minute; idempotent, so running twice or on
/// two instances at once is harmless.
/// </summary>
public sealed class UploadPurge(UserAdminDbContext db, TenantClock clock)
{
    public const string RecurringJobId = "upload-purge";

    /// <summary>
    /// An imported upload stays this long, so that the twin of a double submit still finds it and tells the
    /// administrator "already imported" (R-IMP-8) instead of "this upload does not exist".
    /// </summary>
    public static readonly Duration ImportedGrace = Duration.FromMinutes(1);

    /// <summary>Deletes the imported and the expired uploads; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.Now;
        var importedBefore = now - ImportedGrace;
        return await db.Uploads
            .Where(u => u.ExpiresAt < now || ImportDrafts.ImportedBefore(db, importedBefore).Contains(u.Id))
            .ExecuteDeleteAsync(cancellationToken)
            .ConfigureAwait(false);
    }
}
