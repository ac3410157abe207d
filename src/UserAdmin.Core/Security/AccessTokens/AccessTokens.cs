using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Security.AccessTokens;

/// <summary>A new token with its secret, shown once; or why none was created.</summary>
public sealed record TokenCreation(AccessToken? Token, string? Secret, string? Problem);

/// <summary>One token as its owner's list shows it.</summary>
public sealed record AccessTokenSummary(int Id, string Name, Instant CreatedAt, Instant ExpiresAt, Instant? RevokedAt, AccessTokenRevocation Revocation, Instant? LastUsedAt)
{
    public bool IsExpired(Instant now) => RevokedAt is null && ExpiresAt <= now;

    public bool Works(Instant now) => RevokedAt is null && ExpiresAt > now;
}

public enum TokenCheckKind
{
    Valid,
    Malformed,
    Unknown,
    Expired,
    Revoked,
    OwnerCannotSignIn,
}

/// <summary>What a presented token is worth: its owner's current profile, or why it is refused (with words for the caller).</summary>
public sealed record TokenCheck(TokenCheckKind Kind, int? TokenId, AdministratorProfile? Owner, string Message);

/// <summary>
/// R-API-1: personal access tokens. A token is <c>uat_{id}_{secret}</c>; the id finds the row, the
/// secret's SHA-256 is compared in constant time. The token carries no permissions of its own: every
/// request loads its owner's current profile, so a permission or view taken away is gone for the token too.
/// </summary>
public sealed class AccessTokens(UserAdminDbContext db, AdministratorProfiles profiles, TenantClock clock)
{
    public const string Prefix = "uat_";
    public const int MaxLifetimeYears = 1;
    public const int DefaultLifetimeDays = 90;

    private const int SecretBytes = 32;
    private const int SecretLength = 43; // 32 bytes in unpadded base64url

    private static readonly System.Buffers.SearchValues<char> SecretAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    // A token used every few seconds by a script must not write a row per request.
    private static readonly Duration LastUsedPrecision = Duration.FromMinutes(1);

    /// <summary>The latest expiry date a token created today may have.</summary>
    public LocalDate LatestExpiry => clock.Today.PlusYears(MaxLifetimeYears);

    public LocalDate DefaultExpiry => clock.Today.PlusDays(DefaultLifetimeDays);

    /// <summary>Creates a token valid through the end of <paramref name="expiresOn"/> (tenant time zone), at most a year from today.</summary>
    public async Task<TokenCreation> CreateAsync(AdministratorProfile owner, string? name, LocalDate? expiresOn, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var trimmed = name?.Trim() ?? "";
        if (Problem(trimmed, expiresOn) is { } problem)
        {
            return new TokenCreation(null, null, problem);
        }

        var secret = RandomNumberGenerator.GetBytes(SecretBytes);
        var secretText = Base64Url(secret);
        var token = new AccessToken
        {
            UserId = owner.UserId,
            Name = trimmed,
            SecretHash = HashOf(secretText),
            CreatedAt = clock.Now,
            ExpiresAt = expiresOn!.Value.PlusDays(1).AtStartOfDayInZone(clock.Zone).ToInstant(),
        };
        db.AccessTokens.Add(token);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new TokenCreation(token, $"{Prefix}{token.Id.ToString(CultureInfo.InvariantCulture)}_{secretText}", null);
    }

    public Task<List<AccessTokenSummary>> ListAsync(int ownerId, CancellationToken cancellationToken = default) =>
        db.AccessTokens.AsNoTracking()
            .Where(t => t.UserId == ownerId)
            .OrderByDescending(t => t.Id)
            .Select(t => new AccessTokenSummary(t.Id, t.Name, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.Revocation, t.LastUsedAt))
            .ToListAsync(cancellationToken);

    /// <summary>Revokes one of the owner's own tokens; false when it is not theirs, does not exist or was already revoked.</summary>
    public async Task<bool> RevokeAsync(int ownerId, int tokenId, CancellationToken cancellationToken = default) =>
        await RevokeAsync(tokenId, ownerId, AccessTokenRevocation.ByOwner, cancellationToken).ConfigureAwait(false) > 0;

    /// <summary>Checks a presented bearer token and loads its owner's current profile.</summary>
    public async Task<TokenCheck> CheckAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (Parse(presented) is not var (tokenId, secret))
        {
            return Refused(TokenCheckKind.Malformed, null, $"The bearer token is not a UserAdmin access token (they look like {Prefix}123_…). Create one on /account/tokens.");
        }

        var token = await db.AccessTokens.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tokenId, cancellationToken).ConfigureAwait(false);
        var hash = HashOf(secret);
        if (token is null || !CryptographicOperations.FixedTimeEquals(hash, token.SecretHash))
        {
            return Refused(TokenCheckKind.Unknown, null, "The access token is not known: it was mistyped or deleted. Create a new one on /account/tokens.");
        }

        var now = clock.Now;
        if (token.RevokedAt is not null)
        {
            return Refused(TokenCheckKind.Revoked, token.Id, token.Revocation == AccessTokenRevocation.OwnerCannotSignIn
                ? "The access token was revoked because its owner could no longer sign in. Its owner can create a new one once they can sign in again."
                : "The access token was revoked by its owner. Create a new one on /account/tokens.");
        }

        if (token.ExpiresAt <= now)
        {
            return Refused(TokenCheckKind.Expired, token.Id, $"The access token \"{token.Name}\" expired on {clock.InTenantZone(token.ExpiresAt).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)} ({clock.Zone.Id}). Create a new one on /account/tokens.");
        }

        var owner = await profiles.LoadAsync(token.UserId, cancellationToken).ConfigureAwait(false);
        if (owner is null)
        {
            // Dies with the deactivation: a later reactivation does not bring the token back.
            await RevokeAsync(token.Id, token.UserId, AccessTokenRevocation.OwnerCannotSignIn, cancellationToken).ConfigureAwait(false);
            return Refused(TokenCheckKind.OwnerCannotSignIn, token.Id, "The access token's owner can no longer sign in (deactivated or without a password), so the token was revoked.");
        }

        if (token.LastUsedAt is null || token.LastUsedAt < now - LastUsedPrecision)
        {
            await db.AccessTokens.Where(t => t.Id == token.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken).ConfigureAwait(false);
        }

        return new TokenCheck(TokenCheckKind.Valid, token.Id, owner, "");
    }

    private string? Problem(string name, LocalDate? expiresOn)
    {
        if (name.Length == 0)
        {
            return "Enter a name for the token, such as the script that will use it (\"nightly HR import\").";
        }

        if (name.Length > AccessToken.NameLength)
        {
            return $"The token name is {name.Length} characters long; at most {AccessToken.NameLength} are allowed.";
        }

        if (expiresOn is not { } date)
        {
            return "Choose the date the token expires.";
        }

        if (date <= clock.Today)
        {
            return $"The expiry date {Iso(date)} is not in the future; choose a date after today ({Iso(clock.Today)}).";
        }

        return date > LatestExpiry
            ? $"The expiry date {Iso(date)} is more than a year away; a token lives at most a year (until {Iso(LatestExpiry)})."
            : null;
    }

    private Task<int> RevokeAsync(int tokenId, int ownerId, AccessTokenRevocation reason, CancellationToken cancellationToken)
    {
        var now = clock.Now;
        return db.AccessTokens
            .Where(t => t.Id == tokenId && t.UserId == ownerId && t.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now).SetProperty(t => t.Revocation, reason), cancellationToken);
    }

    private static (int TokenId, string Secret)? Parse(string? presented)
    {
        if (presented is null || !presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var rest = presented.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator <= 0 || !int.TryParse(rest[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return null;
        }

        var secret = rest[(separator + 1)..];
        return secret.Length == SecretLength && !secret.ContainsAnyExcept(SecretAlphabet) ? (id, secret.ToString()) : null;
    }

    private static byte[] HashOf(string secret) => SHA256.HashData(Encoding.ASCII.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string Iso(LocalDate date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static TokenCheck Refused(TokenCheckKind kind, int? tokenId, string message) => new(kind, tokenId, null, message);
}
