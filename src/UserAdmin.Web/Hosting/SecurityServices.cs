using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Identity;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Security;
using UserAdmin.Core.Users;
using UserAdmin.Web.Security;

namespace UserAdmin.Web.Hosting;

internal static class SecurityServices
{
    public static IServiceCollection AddUserAdminSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        // Keys in the database: several app instances share cookies and antiforgery tokens (DESIGN 8).
        var dataProtection = services.AddDataProtection().SetApplicationName("UserAdmin").PersistKeysToDbContext<UserAdminDbContext>();
        if (configuration["DataProtection:CertificatePath"] is { Length: > 0 } certificatePath)
        {
            // R-SEC-9: keys at rest encrypted with the certificate; every instance needs the same certificate.
            dataProtection.ProtectKeysWithCertificate(
                X509CertificateLoader.LoadPkcs12FromFile(certificatePath, configuration["DataProtection:CertificatePassword"]));
        }

        var signInSettings = configuration.GetSection("SignIn").Get<SignInSettings>() ?? new SignInSettings();
        services.AddSingleton(signInSettings);
        services.AddSignInRateLimit(signInSettings);
        services.AddTransportSecurity(configuration);
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest); // Secure on HTTPS (R-SEC-9)
        services.AddHttpContextAccessor();
        services.AddScoped<IPasswordHasher<User>, PasswordHasher<User>>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<SecurityStamps>();
        services.AddScoped<AdministratorProfiles>();
        services.AddScoped<CurrentAdministrator>();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();

        // ADR-0013: the path picks the one scheme a request may use; the other is never even read.
        services.AddAuthentication(AuthenticationSchemes.ByPath)
            .AddPolicyScheme(AuthenticationSchemes.ByPath, "Cookie for pages, bearer token for /api", options => options.ForwardDefaultSelector = AuthenticationSchemes.For)
            .AddScheme<AuthenticationSchemeOptions, AccessTokenAuthenticationHandler>(AuthenticationSchemes.Bearer, null)
            .AddCookie(options =>
            {
                options.LoginPath = "/account/login";
                options.LogoutPath = "/account/logout";
                options.Cookie.Name = "UserAdmin.Auth";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.ExpireTimeSpan = TimeSpan.FromHours(8);
                options.SlidingExpiration = true;
                options.Events.OnValidatePrincipal = RejectRemovedUsers;
                options.Events.OnRedirectToLogin = RedirectPagesToSignIn;
                options.Events.OnRedirectToAccessDenied = AnswerForbidden;
            });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.AssignUserRoles, RequirePermission(Permissions.AssignUserRoles))
            .AddPolicy(Policies.EditQmViews, RequirePermission(Permissions.EditQmViews))
            .AddPolicy(Policies.TransferUserData, RequirePermission(Permissions.TransferUserData))
            .AddPolicy(Policies.ExportUsers, RequirePermission(Permissions.ExportUsers))
            .AddPolicy(Policies.TenantAdministrator, RequirePermission(Permissions.None));
        return services;
    }

    private static AuthorizationPolicy RequirePermission(Permissions permission) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)).Build();

    // A user deleted, deactivated or stripped of their password since signing in, or whose security stamp was
    // renewed (sign-out, a change of privileges, R-SEC-7), loses the session at once.
    private static async Task RejectRemovedUsers(CookieValidatePrincipalContext context)
    {
        var current = context.HttpContext.RequestServices.GetRequiredService<CurrentAdministrator>();
        if (await current.FindAsync(context.Principal, context.HttpContext.RequestAborted) is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        }
    }

    // Pages get the sign-in redirect; JSON endpoints (status polling) get a bare 401.
    private static Task RedirectPagesToSignIn(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (context.Request.Headers.Accept.ToString().Contains("application/json", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    // A 403 rendered by the status-code page ("you need the X permission"), not a redirect.
    private static Task AnswerForbidden(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
