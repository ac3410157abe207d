using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace UserAdmin.Web.Hosting;

/// <summary>
/// R-SEC-9 on the way out: behind a TLS-terminating proxy the request is seen as the client sent it
/// (<c>X-Forwarded-For</c>/<c>-Proto</c>, from the proxies of <c>ForwardedHeaders:KnownProxies</c> and
/// <c>ForwardedHeaders:KnownNetworks</c> only), so cookies are <c>Secure</c> and HSTS is sent on HTTPS;
/// and no CSV or JSON answer is kept in a browser's or proxy's cache.
/// </summary>
internal static class TransportSecurity
{
    public static IServiceCollection AddTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var proxy in List(configuration, "ForwardedHeaders:KnownProxies"))
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in List(configuration, "ForwardedHeaders:KnownNetworks"))
            {
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(options =>
        {
            options.MaxAge = TimeSpan.FromDays(365);
            options.IncludeSubDomains = false;
        });
        return services;
    }

    public static IApplicationBuilder UseTransportSecurity(this IApplicationBuilder app)
    {
        app.UseForwardedHeaders();
        app.UseHsts(); // only answers to HTTPS requests carry the header
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                if (IsDownload(context.Response.ContentType))
                {
                    context.Response.Headers.CacheControl = "no-store";
                    context.Response.Headers.Pragma = "no-cache";
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>Every CSV file and JSON answer: exports, error reports, audit logs, progress and health.</summary>
    private static bool IsDownload(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("application/problem+json", StringComparison.OrdinalIgnoreCase));

    /// <summary>A list setting, as a JSON array or a comma-separated string (an environment variable).</summary>
    private static IEnumerable<string> List(IConfiguration configuration, string key)
    {
        var section = configuration.GetSection(key);
        var items = section.GetChildren().Select(c => c.Value).OfType<string>().ToList();
        if (section.Value is { } single)
        {
            items.AddRange(single.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        return items.Where(i => i.Length > 0);
    }
}
