using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using UserAdmin.Core.Security;

namespace UserAdmin.Web.Security;

/// <summary>R-SEC-7: sign-in posts per client address and minute (behind a proxy, the forwarded address, R-SEC-9).</summary>
internal static class SignInRateLimit
{
    public const string Policy = "sign-in";

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, SignInSettings settings) =>
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(Policy, context => RateLimitPartition.GetFixedWindowLimiter(
                context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = settings.AttemptsPerMinute,
                    Window = TimeSpan.FromMinutes(1),
                    QueueLimit = 0,
                }));
        });
}
