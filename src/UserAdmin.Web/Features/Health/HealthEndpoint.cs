using Hangfire;
using UserAdmin.Core.Persistence;
using UserAdmin.Web.Hosting;

namespace UserAdmin.Web.Features.Health;

/// <summary><c>GET /health</c>: database and job-server status as JSON, no sign-in needed (DESIGN 9).</summary>
internal static class HealthEndpoint
{
    public static IEndpointRouteBuilder MapHealthEndpoint(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", CheckAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(UserAdminDbContext db, JobStorage jobs, DatabaseSettings settings, CancellationToken cancellationToken)
    {
        var databaseUp = await IsDatabaseUpAsync(db, cancellationToken);
        var jobServers = CountJobServers(jobs);
        var healthy = databaseUp && jobServers > 0;
        var body = new
        {
            status = healthy ? "Healthy" : "Unhealthy",
            database = new { status = databaseUp ? "Healthy" : "Unhealthy", provider = settings.Provider.ToString() },
            jobServer = new { status = jobServers > 0 ? "Healthy" : "Unhealthy", servers = jobServers },
        };
        return Results.Json(body, statusCode: healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<bool> IsDatabaseUpAsync(UserAdminDbContext db, CancellationToken cancellationToken)
    {
        try
        {
            return await db.Database.CanConnectAsync(cancellationToken);
        }
#pragma warning disable CA1031 // a health check reports any failure instead of throwing
        catch (Exception)
#pragma warning restore CA1031
        {
            return false;
        }
    }

    private static int CountJobServers(JobStorage jobs)
    {
        try
        {
            return jobs.GetMonitoringApi().Servers().Count;
        }
#pragma warning disable CA1031
        catch (Exception)
#pragma warning restore CA1031
        {
            return 0;
        }
    }
}
