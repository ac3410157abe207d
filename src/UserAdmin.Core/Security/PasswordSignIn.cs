using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Security;

public enum SignInResultKind
{
    Succeeded,
    Failed,
    LockedOut,
}

public sealed record SignInResult(SignInResultKind Kind, int UserId = 0, Instant? LockedOutUntil = null);

/// <summary>
/// Checks an email-or-login and password (R-SEC-4). After <see cref="MaxFailures"/> wrong passwords in a row the
/// account is locked for <see cref="LockoutDuration"/>; the same answer is given for an unknown user and a
/// wrong password, so the form does not reveal who exists.
/// </summary>
public sealed class PasswordSignIn(UserAdminDbContext db, IPasswordHasher<User> hasher, TenantClock clock)
{
    public const int MaxFailures = 5;
    public static readonly Duration LockoutDuration = Duration.FromMinutes(15);

    public async Task<SignInResult> SignInAsync(string emailOrLogin, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(emailOrLogin);
        var key = User.NormalizeKey(emailOrLogin);
        var today = clock.Today;
        var user = await db.Users
            .Where(u => u.NormalizedEmail == key || u.NormalizedLogin == key)
            .Where(u => u.PasswordHash != null)
            .Where(Activity.ActiveOn(today))
            .OrderBy(u => u.NormalizedEmail == key ? 0 : 1)
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        if (user is null)
        {
            return new SignInResult(SignInResultKind.Failed);
        }

        var now = clock.Now;
        if (user.LockedOutUntil is { } until && until > now)
        {
            return new SignInResult(SignInResultKind.LockedOut, user.Id, until);
        }

        var verdict = hasher.VerifyHashedPassword(user, user.PasswordHash!, password);
        if (verdict == PasswordVerificationResult.Failed)
        {
            user.FailedSignInCount++;
            if (user.FailedSignInCount >= MaxFailures)
            {
                user.FailedSignInCount = 0;
                user.LockedOutUntil = now + LockoutDuration;
            }

            await SaveSecurityFieldsAsync(user, cancellationToken).ConfigureAwait(false);
            return user.LockedOutUntil is { } lockedUntil && lockedUntil > now
                ? new SignInResult(SignInResultKind.LockedOut, user.Id, lockedUntil)
                : new SignInResult(SignInResultKind.Failed);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user.PasswordHash = hasher.HashPassword(user, password);
        }

        user.FailedSignInCount = 0;
        user.LockedOutUntil = null;
        await SaveSecurityFieldsAsync(user, cancellationToken).ConfigureAwait(false);
        return new SignInResult(SignInResultKind.Succeeded, user.Id);
    }

    // Sign-in bookkeeping must not count as an edit of the user's data, or an import previewed
    // before someone signed in would fail its concurrency check (R-IMP-8).
    private async Task SaveSecurityFieldsAsync(User user, CancellationToken cancellationToken)
    {
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(
            set => set
                .SetProperty(u => u.FailedSignInCount, user.FailedSignInCount)
                .SetProperty(u => u.LockedOutUntil, user.LockedOutUntil)
                .SetProperty(u => u.PasswordHash, user.PasswordHash),
            cancellationToken).ConfigureAwait(false);
        db.Entry(user).State = EntityState.Detached;
    }
}
