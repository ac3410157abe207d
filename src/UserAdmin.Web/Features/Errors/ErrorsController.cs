using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using UserAdmin.Web.Hosting;

namespace UserAdmin.Web.Features.Errors;

/// <summary>Friendly pages for error status codes and unhandled exceptions (never a raw 500).</summary>
[AllowAnonymous]
[ApiExplorerSettings(IgnoreApi = true)]
public sealed class ErrorsController(ILogger<ErrorsController> logger) : Controller
{
    [Route("error/{code:int}")]
    [IgnoreAntiforgeryToken]
    public IActionResult Status()
    {
        // From the route, not model binding: binding would read the failed request's form again, fail the
        // same way and leave the code 0.
        var code = Convert.ToInt32(RouteData.Values["code"], CultureInfo.InvariantCulture);

        // Only error codes have a page; anything else in the URL (/error/10) is a page that does not exist.
        if (code is < 400 or > 599)
        {
            code = StatusCodes.Status404NotFound;
        }

        if (code == StatusCodes.Status500InternalServerError)
        {
            var failure = HttpContext.Features.Get<IExceptionHandlerPathFeature>();
            if (failure is not null)
            {
                logger.LogError(failure.Error, "Unhandled exception on {Path}", failure.Path);
            }
        }

        Response.StatusCode = code;
        if (IsApiRequest())
        {
            return ApiProblem(code);
        }

        var message = code switch
        {
            StatusCodes.Status400BadRequest => "The request could not be read. If you submitted a form, reload the page and try again.",
            StatusCodes.Status403Forbidden => "You do not have the permission this page needs. Ask a tenant administrator to grant it to one of your roles.",
            StatusCodes.Status404NotFound => "This page or record does not exist, or it is outside your view.",
            StatusCodes.Status413PayloadTooLarge => TooLargeMessage(HttpContext.Features.Get<RequestTooLarge>()),
            StatusCodes.Status429TooManyRequests => "Too many sign-in attempts came from your address. Wait a minute, then try again.",
            _ when code >= 500 => "Something went wrong on our side. Nothing was changed. Please try again; if it happens again, tell your administrator the time it happened.",
            _ => "The request could not be completed.",
        };
        return View("Status", new ErrorPage(code, message));
    }

    // An API client gets the same refusal as a problem detail (RFC 9457), not a page.
    private bool IsApiRequest()
    {
        var original = HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Path;
        return original is not null && new PathString(original).StartsWithSegments(Security.AuthenticationSchemes.ApiPath, StringComparison.OrdinalIgnoreCase);
    }

    private ObjectResult ApiProblem(int code)
    {
        var (title, detail) = code switch
        {
            StatusCodes.Status400BadRequest => ("The request could not be read.", "A parameter or the form is malformed; the OpenAPI document at /api/openapi/v1.json describes each endpoint."),
            StatusCodes.Status404NotFound => ("Not found.", "No such endpoint or record, or it is outside your view."),
            StatusCodes.Status405MethodNotAllowed => ("Method not allowed.", "This endpoint does not take this HTTP method; see /api/openapi/v1.json."),
            StatusCodes.Status413PayloadTooLarge => ("The request is too large.", TooLargeMessage(HttpContext.Features.Get<RequestTooLarge>())),
            StatusCodes.Status415UnsupportedMediaType => ("Unsupported media type.", "Send files as multipart/form-data, with the CSV in the field \"file\"."),
            _ when code >= 500 => ("Server error.", "Something went wrong on our side. Nothing was changed. Please try again; if it happens again, tell your administrator the time it happened."),
            _ => ("The request could not be completed.", null),
        };
        return Problem(detail: detail, statusCode: code, title: title);
    }

    private static string TooLargeMessage(RequestTooLarge? refused) => refused switch
    {
        { MaxFileBytes: { } maxFile } => $"The file is too large: files of up to {Size(maxFile)} can be uploaded. Nothing was uploaded; choose a smaller file or split it into several.",
        { LimitBytes: > 0 } => $"The request is too large: this form accepts up to {Size(refused.LimitBytes)}. Nothing was changed.",
        _ => "The file is larger than the upload limit. Nothing was uploaded.",
    };

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? (bytes / (1024.0 * 1024)).ToString("0.#", CultureInfo.InvariantCulture) + " MB"
        : (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB";
}

public sealed record ErrorPage(int StatusCode, string Message);
