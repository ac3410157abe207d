using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.OpenApi;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Security.AccessTokens;
using UserAdmin.Web.Features.Api;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Hosting;

/// <summary>The automation API (DESIGN 7.1): tokens, the rate limiter, JSON, the OpenAPI document.</summary>
internal static class ApiServices
{
    public static IServiceCollection AddUserAdminApi(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AccessTokens>().AddScoped<ScriptedImport>();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, ApiAuthorizationResults>();
        services.AddApiRateLimits(configuration);

        // Enum values as words ("Succeeded"), not numbers; a bad parameter is a 400 problem detail, not an exception page.
        services.Configure<JsonOptions>(options => options.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = false);

        services.AddOpenApi(ApiEndpoints.Version, options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith("api/" + ApiEndpoints.Version + "/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "UserAdmin API";
                document.Info.Description = "Personal access tokens from /account/tokens, sent as Authorization: Bearer <token>. Errors are RFC 9457 problem details.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[AuthenticationSchemes.Bearer] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A personal access token (uat_…).",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(AuthenticationSchemes.Bearer, document)] = [] }];
                return Task.CompletedTask;
            });
        });
        return services;
    }
}
