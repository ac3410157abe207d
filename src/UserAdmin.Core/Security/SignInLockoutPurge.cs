using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;

namespace UserAdmin.Core.Security;

/// <summary>
/// R-SEC-7: the failed-sign-in counts are forgotten after a quiet day. Without it every name ever typed wrongly
/// (most match no account) would stay in <see cref="SignInLockout"/> for good, and a user's escalation from one
/// minute to an hour would never start again from the first step. A name locked now is never forgotten early.
/// Run by a recurring job every hour; idempotent, so running twice or on two instances at once is harmless.
/// </summary>
public sealed class SignInLockoutPurge(UserAdminDbContext db, TenantClock clock)
{
    public const string RecurringJobId = "sign-in-lockout-purge";

    /// <summary>How long after its last failure a name's count is forgotten.</summary>
    public static readonly Duration ForgottenAfter = Duration.FromHours(24);

    /// <summary>Deletes the counts whose last failure is older than <see cref="ForgottenAfter"/> and that lock nothing now; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.Now;
        var quietSince = now - ForgottenAfter;
        return await db.SignInLockouts
            .Where(l => l.LastFailureAt < quietSince && (l.LockedOutUntil == null || l.LockedOutUntil <= now))
            .ExecuteDeleteAsync(cancellationToken)
            .ConfigureAwait(false);
    }
}
