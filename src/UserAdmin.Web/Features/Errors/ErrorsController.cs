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
