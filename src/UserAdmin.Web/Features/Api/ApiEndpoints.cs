using Microsoft.AspNetCore.Authorization;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Features.Api;

/// <summary>
/// R-API-2: <c>/api/v1</c>, bearer tokens only (never the cookie, so no antiforgery token is needed or
/// accepted as proof), rate-limited per token, described at <c>/api/openapi/v1.json</c>.
/// </summary>
internal static class ApiEndpoints
{
    public const string Version = "v1";
    public const string DocumentPattern = "/api/openapi/{documentName}.json";

    public static WebApplication MapUserAdminApi(this WebApplication app)
    {
        var api = app.MapGroup("/api/" + Version)
            .RequireAuthorization(new AuthorizeAttribute { AuthenticationSchemes = AuthenticationSchemes.Bearer })
            .DisableAntiforgery()
            .RequireRateLimiting(ApiRateLimits.PerToken)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapPeopleApi();
        api.MapTransfersApi();

        // The document describes the endpoints and holds no data: scripts and tools read it without a token.
        app.MapOpenApi(DocumentPattern).AllowAnonymous();
        return app;
    }
}
