using UserAdmin.Core.Uploads;

namespace UserAdmin.Web.Hosting;

/// <summary>
/// How big the request that carries an uploaded file may be, given how big the file may be
/// (<see cref="UploadLimits.MaxFileBytes"/>, R-IMP-1).
/// </summary>
public static class UploadRequest
{
    // Room for the multipart boundaries and part headers, the antiforgery token and a few small form fields.
    public const long MultipartOverheadBytes = 64L * 1024;

    public static long MaxBytes(UploadLimits limits) => (limits ?? throw new ArgumentNullException(nameof(limits))).MaxFileBytes + MultipartOverheadBytes;
}

/// <summary>
/// Put on an upload action (or a minimal endpoint's metadata): its request may carry one file of up to
/// <c>Import:MaxFileBytes</c> plus the form around it; a bigger request gets the friendly 413 page naming
/// that limit before any of it is read into the app. The action still compares the file's own length
/// with <see cref="UploadLimits.MaxFileBytes"/>, since the form allowance lets a file slightly over it through.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UploadLimitAttribute : Attribute;
