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

public sealed record SignInResult(SignInResultKind Kind, int UserId = 0, Guid SecurityStamp = default, Instant? LockedOutUntil = null);

/// <summary>
/// R-SEC-4 and R-SEC-7: checks an email-or-login and password. Every attempt does the same work, whether the
/// name is an account or not and whether it is locked: one lookup, one password verification (against a
/// stand-in hash for unknown names), and failures counted in <see cref="SignInLockout"/> by one atomic UPDATE.
/// <see cref="SignInSettings.MaxFailures"/> failures in a row lock the name for the next of
/// <see cref="SignInSettings.LockoutSteps"/>.
/// </summary>
public sealed class PasswordSignIn(UserAdminDbContext db, IPasswordHasher<User> hasher, TenantClock clock, SignInSettings settings)
{
    private static string? _standInHash;

    public async Task<SignInResult> SignInAsync(string emailOrLogin, string password, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(emailOrLogin);
        var name = User.NormalizeKey(emailOrLogin);
        var user = await db.Users.AsNoTracking()
            .Where(u => u.NormalizedEmail == name || u.NormalizedLogin == name)
            .WhoCanSignIn(clock.Today)
            .OrderBy(u => u.NormalizedEmail == name ? 0 : 1)
            .Select(u => new { u.Id, u.PasswordHash, u.SecurityStamp })
            .FirstOrDefaultAsync(cancellationToken)
            .ConfigureAwait(false);
        var key = user is null ? SignInLockout.KeyOfName(name) : SignInLockout.KeyOfUser(user.Id);
        var now = clock.Now;
        var lockedUntil = await db.SignInLockouts.AsNoTracking()
            .Where(l => l.Key == key)
            .Select(l => l.LockedOutUntil)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);

        // Verified on every path, so that no answer comes back faster than another.
        var hashUser = new User { Id = user?.Id ?? 0 };
        var verdict = hasher.VerifyHashedPassword(hashUser, user?.PasswordHash ?? StandInHash(), password);
        if (lockedUntil is { } until && until > now)
        {
            return new SignInResult(SignInResultKind.LockedOut, user?.Id ?? 0, LockedOutUntil: until);
        }

        if (user is null || verdict == PasswordVerificationResult.Failed)
        {
            return await CountFailureAsync(key, now, cancellationToken).ConfigureAwait(false) is { } locked
                ? new SignInResult(SignInResultKind.LockedOut, user?.Id ?? 0, LockedOutUntil: locked)
                : new SignInResult(SignInResultKind.Failed, user?.Id ?? 0);
        }

        if (verdict == PasswordVerificationResult.SuccessRehashNeeded)
        {
            // The same password in a newer format: not a change of password, so the stamp stays.
            var rehashed = hasher.HashPassword(hashUser, password);
            await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.PasswordHash, rehashed), cancellationToken).ConfigureAwait(false);
        }

        await db.SignInLockouts.Where(l => l.Key == key).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        return new SignInResult(SignInResultKind.Succeeded, user.Id, user.SecurityStamp);
    }

    /// <summary>
    /// Counts one failure with <c>UPDATE … SET Failures = Failures + 1</c> (the database serialises concurrent
    /// attempts, so twenty at once count twenty, and the one that reaches the limit locks); returns the
    /// lockout's end when the name is now locked. An attempt that finds the name locked meanwhile is not counted.
    /// </summary>
    private async Task<Instant?> CountFailureAsync(string key, Instant now, CancellationToken cancellationToken)
    {
        var max = settings.MaxFailures;
        var steps = SignInSettings.LockoutSteps.Select(step => (Instant?)(now + step)).ToArray();
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var counted = await db.SignInLockouts
                .Where(l => l.Key == key && (l.LockedOutUntil == null || l.LockedOutUntil <= now))
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(l => l.Failures, l => l.Failures + 1 >= max ? 0 : l.Failures + 1)
                        .SetProperty(l => l.Lockouts, l => l.Failures + 1 >= max ? l.Lockouts + 1 : l.Lockouts)
                        .SetProperty(
                            l => l.LockedOutUntil,
                            l => l.Failures + 1 >= max
                                ? (l.Lockouts == 0 ? steps[0] : l.Lockouts == 1 ? steps[1] : l.Lockouts == 2 ? steps[2] : steps[3])
                                : l.LockedOutUntil)
                        .SetProperty(l => l.LastFailureAt, now),
                    cancellationToken).ConfigureAwait(false);
            if (counted == 1 || await db.SignInLockouts.AnyAsync(l => l.Key == key && l.LockedOutUntil > now, cancellationToken).ConfigureAwait(false))
            {
                break; // counted, or locked meanwhile: a locked name's attempts are not counted
            }

            // No row matched: none yet, or one a concurrent first failure inserted after the UPDATE looked — then count on it.
            if (!await db.SignInLockouts.AnyAsync(l => l.Key == key, cancellationToken).ConfigureAwait(false)
                && await TryInsertFirstFailureAsync(key, now, max, steps[0]!.Value, cancellationToken).ConfigureAwait(false))
            {
                break;
            }
        }

        var lockedUntil = await db.SignInLockouts.AsNoTracking()
            .Where(l => l.Key == key)
            .Select(l => l.LockedOutUntil)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return lockedUntil > now ? lockedUntil : null;
    }

    // Two first failures at once both find no row; the primary key lets one insert win and the other count again.
    private async Task<bool> TryInsertFirstFailureAsync(string key, Instant now, int max, Instant firstLockoutEnd, CancellationToken cancellationToken)
    {
        var first = new SignInLockout
        {
            Key = key,
            Failures = max <= 1 ? 0 : 1,
            Lockouts = max <= 1 ? 1 : 0,
            LockedOutUntil = max <= 1 ? firstLockoutEnd : null,
            LastFailureAt = now,
        };
        db.SignInLockouts.Add(first);
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            return false;
        }
        finally
        {
            db.Entry(first).State = EntityState.Detached;
        }
    }

    private string StandInHash() =>
        _standInHash ??= hasher.HashPassword(new User(), AdministratorBootstrap.GeneratePassword());
}
