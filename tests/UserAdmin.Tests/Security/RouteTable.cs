using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;

namespace UserAdmin.Tests.Security;

/// <summary>
/// One method of one endpoint of the app's own route table, with a URL that reaches it. Endpoints that
/// accept any method (the error pages, the Hangfire dashboard) are probed with GET.
/// </summary>
public sealed record AppEndpoint(RouteEndpoint Endpoint, string Method, string Url)
{
    public string Pattern => "/" + Endpoint.RoutePattern.RawText!.TrimStart('/');

    public bool DeclaresMethods => Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>() is not null;

    /// <summary>How allow-lists name the endpoint: <c>GET /users</c>, or <c>* /error/{code:int}</c> for any method.</summary>
    public string Key => $"{(DeclaresMethods ? Method : "*")} {Pattern}";

    public bool AllowsAnonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    public bool DeclaresAuthorization =>
        Endpoint.Metadata.GetMetadata<IAuthorizeData>() is not null || Endpoint.Metadata.GetMetadata<AuthorizationPolicy>() is not null;

    public override string ToString() => $"{Method} {Url} [{Endpoint.DisplayName}]";
}

/// <summary>Reads every routable endpoint from the app's <see cref="EndpointDataSource"/>, so a new page is covered the day it is added.</summary>
public static class RouteTable
{
    public static IReadOnlyList<AppEndpoint> Read(IServiceProvider services, RouteValueSamples samples)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(samples);
        return services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ISuppressMatchingMetadata>()?.SuppressMatching != true)
            .SelectMany(e => MethodsOf(e).Select(method => new AppEndpoint(e, method, UrlOf(e, samples))))
            .OrderBy(e => e.Pattern, StringComparer.Ordinal)
            .ThenBy(e => e.Method, StringComparer.Ordinal)
            .ToList();
    }

    private static IEnumerable<string> MethodsOf(RouteEndpoint endpoint) =>
        endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [HttpMethods.Get];

    private static string UrlOf(RouteEndpoint endpoint, RouteValueSamples samples)
    {
        var segments = endpoint.RoutePattern.PathSegments
            .Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                RoutePatternLiteralPart literal => literal.Content,
                RoutePatternSeparatorPart separator => separator.Content,
                RoutePatternParameterPart parameter => Uri.EscapeDataString(samples.For(endpoint, parameter)),
                _ => throw new NotSupportedException($"Route part {part.GetType().Name} of {endpoint.DisplayName}"),
            })))
            .Where(segment => segment.Length > 0);
        return "/" + string.Join('/', segments);
    }
}

/// <summary>Route values that reach real data: numbers are an existing user's id, guids are new, text is "x".</summary>
public sealed record RouteValueSamples(int ExistingUserId)
{
    private static readonly HashSet<Type> Numbers = [typeof(int), typeof(long), typeof(short), typeof(int?), typeof(long?)];
    private static readonly string[] NumberConstraints = ["int", "long", "min", "max", "range"];

    public string For(RouteEndpoint endpoint, RoutePatternParameterPart parameter)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(parameter);
        if (parameter.IsCatchAll)
        {
            return "";
        }

        var type = ParameterType(endpoint, parameter.Name);
        var constraints = parameter.ParameterPolicies.Select(p => p.Content ?? "").ToList();
        if (type is not null && Numbers.Contains(type) || constraints.Exists(c => NumberConstraints.Any(n => c.StartsWith(n, StringComparison.Ordinal))))
        {
            return ExistingUserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return type == typeof(Guid) || constraints.Contains("guid") ? Guid.NewGuid().ToString() : "x";
    }

    // The action's own parameter says more than the route template when the template has no constraint.
    private static Type? ParameterType(RouteEndpoint endpoint, string name)
    {
        var method = endpoint.Metadata.GetMetadata<ControllerActionDescriptor>()?.MethodInfo
            ?? endpoint.Metadata.GetMetadata<System.Reflection.MethodInfo>();
        return method?.GetParameters().FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))?.ParameterType;
    }
}
