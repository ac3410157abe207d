using UserAdmin.Core.People.Import;

namespace UserAdmin.Web.Hosting;

/// <summary>
/// How big the request that carries an uploaded file may be, given how big the file may be
/// (<see cref="ImportSettings.MaxFileBytes"/>, R-IMP-1).
/// </summary>
public static class UploadLimits
{
    // Room for the multipart boundaries and part headers, the antiforgery token and a few small form fields.
    public const long MultipartOverheadBytes = 64L * 1024;

    public static long MaxRequestBytes(ImportSettings settings) => (settings ?? throw new ArgumentNullException(nameof(settings))).MaxFileBytes + MultipartOverheadBytes;
}

/// <summary>
/// Put on an upload action (or a minimal endpoint's metadata): its request may carry one file of up to
/// <c>Import:MaxFileBytes</c> plus the form around it; a bigger request gets the friendly 413 page naming
/// that limit before any of it is read into the app. The action still compares the file's own length
/// with <see cref="ImportSettings.MaxFileBytes"/>, since the form allowance lets a file slightly over it through.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UploadLimitAttribute : Attribute;
