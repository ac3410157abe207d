using System.Globalization;
using System.Security.Claims;
using UserAdmin.Core.Users;

namespace UserAdmin.Web.Security;

/// <summary>The signed-in user's <see cref="AdministratorProfile"/>, loaded once per request.</summary>
public sealed class CurrentAdministrator(IHttpContextAccessor httpContextAccessor, AdministratorProfiles profiles)
{
    private AdministratorProfile? _profile;
    private bool _loaded;

    public Task<AdministratorProfile?> FindAsync(CancellationToken cancellationToken = default) =>
        FindAsync(httpContextAccessor.HttpContext?.User, cancellationToken);

    /// <summary>
    /// Used by cookie validation, which runs before <c>HttpContext.User</c> is set; the profile it loads
    /// serves the rest of the request.
    /// </summary>
    public async Task<AdministratorProfile?> FindAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken = default)
    {
        if (!_loaded)
        {
            var profile = UserIdOf(principal) is { } id ? await profiles.LoadAsync(id, cancellationToken) : null;

            // R-SEC-7: a session issued before the last sign-out or change of privileges has ended.
            _profile = profile is not null && SecurityStampOf(principal) == profile.SecurityStamp ? profile : null;
            _loaded = true;
        }

        return _profile;
    }

    /// <summary>For actions behind the fallback policy, where a profile always exists.</summary>
    public async Task<AdministratorProfile> GetAsync(CancellationToken cancellationToken = default) =>
        await FindAsync(cancellationToken) ?? throw new InvalidOperationException("No signed-in administrator.");

    public const string SecurityStampClaim = "UserAdmin.SecurityStamp";

    public static Guid? SecurityStampOf(ClaimsPrincipal? principal) =>
        Guid.TryParse(principal?.FindFirstValue(SecurityStampClaim), out var stamp) ? stamp : null;

    public static int? UserIdOf(ClaimsPrincipal? principal) =>
        int.TryParse(principal?.FindFirstValue(ClaimTypes.NameIdentifier), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;
}
