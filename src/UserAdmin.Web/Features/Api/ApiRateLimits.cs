using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.Api;

/// <summary>How many API requests a token may make per minute (<c>Api:RequestsPerMinute</c>).</summary>
public sealed class ApiSettings
{
    public const string Section = "Api";

    public int RequestsPerMinute { get; set; } = 120;
}

/// <summary>R-API-2: ASP.NET Core's rate limiter, one fixed window per token, answered with a 429 problem detail.</summary>
internal static class ApiRateLimits
{
    public const string PerToken = "api-per-token";

    public static IServiceCollection AddApiRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ApiSettings.Section).Get<ApiSettings>() ?? new ApiSettings();
        services.AddRateLimiter(options =>
        {
            options.AddPolicy(PerToken, context => RateLimitPartition.GetFixedWindowLimiter(
                PartitionOf(context),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = settings.RequestsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            options.OnRejected = (rejected, _) =>
            {
                // Pages (the sign-in form) keep their friendly 429 page; only the API answers with a problem detail.
                if (!AuthenticationSchemes.IsApi(rejected.HttpContext.Request))
                {
                    return ValueTask.CompletedTask;
                }

                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
                rejected.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                return new ValueTask(ApiProblems.WriteAsync(rejected.HttpContext, StatusCodes.Status429TooManyRequests, "Too many requests.",
                    $"This token may make {settings.RequestsPerMinute} requests a minute. Wait {Math.Ceiling(retryAfter.TotalSeconds)} seconds (Retry-After) and try again."));
            };
        });
        return services;
    }

    // Authorization runs first, so only authenticated tokens reach the limiter; the address is a fallback that should not occur.
    private static string PartitionOf(HttpContext context) =>
        context.User.FindFirstValue(AuthenticationSchemes.TokenIdClaim) is { } tokenId
            ? "token:" + tokenId
            : "address:" + context.Connection.RemoteIpAddress;
}
