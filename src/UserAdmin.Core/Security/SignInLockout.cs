using NodaTime;

namespace UserAdmin.Core.Security;

/// <summary>
/// R-SEC-7: the failed sign-ins of one account, or of one name that matches no account, so that both
/// are counted and locked alike and the form never tells which names exist.
/// </summary>
public class SignInLockout
{
    public const int MaxKeyLength = 300;

    /// <summary><c>user:&lt;id&gt;</c> for an account (its email and login share one count), <c>name:&lt;normalised name&gt;</c> otherwise.</summary>
    public string Key { get; set; } = "";

    /// <summary>Failed attempts since the last lockout (or success).</summary>
    public int Failures { get; set; }

    /// <summary>Lockouts so far: each one lasts longer (<see cref="SignInSettings.LockoutSteps"/>).</summary>
    public int Lockouts { get; set; }

    public Instant? LockedOutUntil { get; set; }

    public Instant LastFailureAt { get; set; }

    public static string KeyOfUser(int userId) => "user:" + userId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string KeyOfName(string normalizedName)
    {
        ArgumentNullException.ThrowIfNull(normalizedName);
        var key = "name:" + normalizedName;
        return key.Length <= MaxKeyLength ? key : key[..MaxKeyLength];
    }
}

/// <summary>Sign-in limits (<c>SignIn:MaxFailures</c>, <c>SignIn:AttemptsPerMinute</c>).</summary>
public sealed class SignInSettings
{
    /// <summary>Failed attempts in a row that lock an account.</summary>
    public int MaxFailures { get; set; } = 5;

    /// <summary>Sign-in posts accepted per client address and minute (ASP.NET Core's rate limiter).</summary>
    public int AttemptsPerMinute { get; set; } = 30;

    /// <summary>The first lockout lasts 1 minute, then 5, 15, and 60 for every later one.</summary>
    public static readonly IReadOnlyList<Duration> LockoutSteps =
        [Duration.FromMinutes(1), Duration.FromMinutes(5), Duration.FromMinutes(15), Duration.FromMinutes(60)];
}
