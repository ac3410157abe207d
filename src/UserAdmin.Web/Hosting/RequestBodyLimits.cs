using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using UserAdmin.Core.Uploads;

namespace UserAdmin.Web.Hosting;

/// <summary>Why a request was refused as too large: the limit it broke and, for an upload, the file size allowed.</summary>
public sealed record RequestTooLarge(long LimitBytes, long? MaxFileBytes = null);

/// <summary>
/// Gives every request its body limit from its endpoint (<see cref="UploadLimitAttribute"/> or
/// <c>[RequestSizeLimit]</c>) and answers a body over it with the friendly 413 page. A browser only
/// shows an answer once it has sent the whole form, so a moderately oversized body is read and
/// discarded first; without that the user sees a reset connection instead of the page.
/// </summary>
internal sealed class RequestBodyLimits(RequestDelegate next, IOptions<UploadLimits> uploads)
{
    // Reading a body a few times over the limit is cheaper than a user puzzled by a dead connection; beyond that, close it.
    private const long DrainFactor = 4;

    public async Task InvokeAsync(HttpContext context)
    {
        // The error page re-executes the refused request; its body must not be looked at again.
        if (context.Features.Get<RequestTooLarge>() is not null)
        {
            await next(context);
            return;
        }

        var limit = LimitFor(context);
        if (limit is not null && context.Request.ContentLength > limit.LimitBytes)
        {
            await DrainAsync(context, limit);
            Refuse(context, limit);
            return;
        }

        // A body without a Content-Length (chunked) is only found too large while it is read.
        var body = limit is not null && context.Request.ContentLength is null && context.Features.Get<IHttpRequestBodyDetectionFeature>()?.CanHaveBody == true
            ? new WatchedRequestBody(context.Request.Body)
            : null;
        if (body is not null)
        {
            context.Request.Body = body;
        }

        try
        {
            await next(context);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge && !context.Response.HasStarted)
        {
            Refuse(context, limit ?? new RequestTooLarge(0));
            return;
        }

        if (body?.WasTooLarge == true && !context.Response.HasStarted)
        {
            Refuse(context, limit!);
        }
    }

    private RequestTooLarge? LimitFor(HttpContext context)
    {
        var metadata = context.GetEndpoint()?.Metadata;
        var server = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        RequestTooLarge? limit;
        if (metadata?.GetMetadata<UploadLimitAttribute>() is not null)
        {
            limit = new RequestTooLarge(UploadRequest.MaxBytes(uploads.Value), uploads.Value.MaxFileBytes);
        }
        else if (metadata?.GetMetadata<IRequestSizeLimitMetadata>() is { } declared)
        {
            limit = declared.MaxRequestBodySize is { } bytes ? new RequestTooLarge(bytes) : null;
        }
        else
        {
            return server?.MaxRequestBodySize is { } serverLimit ? new RequestTooLarge(serverLimit) : null;
        }

        // Kestrel enforces the limit on bodies without a Content-Length; the test server has no such feature.
        if (server is { IsReadOnly: false })
        {
            server.MaxRequestBodySize = limit?.LimitBytes;
        }

        return limit;
    }

    private static async Task DrainAsync(HttpContext context, RequestTooLarge limit)
    {
        var request = context.Request;
        var clientWaitsForGoAhead = request.Headers.Expect.ToString().Contains("100-continue", StringComparison.OrdinalIgnoreCase);
        var server = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (clientWaitsForGoAhead || request.ContentLength > limit.LimitBytes * DrainFactor || server is { IsReadOnly: true })
        {
            return;
        }

        if (server is not null)
        {
            server.MaxRequestBodySize = null;
        }

        try
        {
            await request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        catch (Exception e) when (e is IOException or OperationCanceledException)
        {
            // The client gave up sending; there is no one left to answer.
        }
    }

    private static void Refuse(HttpContext context, RequestTooLarge limit)
    {
        context.Features.Set(limit);
        context.Features.Set<IFormFeature>(new FormFeature(FormCollection.Empty));
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
    }
}

internal static class RequestBodyLimitsExtensions
{
    public static IServiceCollection AddRequestBodyLimits(this IServiceCollection services)
    {
        services.AddOptions<UploadLimits>().BindConfiguration(UploadLimits.Section);
        return services;
    }

    /// <summary>After routing (the limit depends on the endpoint) and before anything reads a body.</summary>
    public static IApplicationBuilder UseRequestBodyLimits(this IApplicationBuilder app) => app.UseMiddleware<RequestBodyLimits>();
}
