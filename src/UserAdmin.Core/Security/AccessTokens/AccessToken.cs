using NodaTime;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Security.AccessTokens;

/// <summary>
/// A personal access token (R-API-1). Only the SHA-256 of its secret is stored: the secret itself is
/// shown once, when it is created, and cannot be read back by anyone.
/// </summary>
public class AccessToken
{
    public const int NameLength = 100;
    public const int HashBytes = 32;

    public int Id { get; set; }

    public int UserId { get; set; }

    public User? User { get; set; }

    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the secret part of the token.</summary>
    public byte[] SecretHash { get; set; } = [];

    public Instant CreatedAt { get; set; }

    public Instant ExpiresAt { get; set; }

    public Instant? RevokedAt { get; set; }

    public AccessTokenRevocation Revocation { get; set; }

    public Instant? LastUsedAt { get; set; }
}

/// <summary>Why a token stopped working before its expiry.</summary>
public enum AccessTokenRevocation
{
    None,

    /// <summary>Its owner revoked it on the tokens page.</summary>
    ByOwner,

    /// <summary>It was used while its owner could not sign in (deactivated, or without a password); it stays dead after a reactivation.</summary>
    OwnerCannotSignIn,
}
