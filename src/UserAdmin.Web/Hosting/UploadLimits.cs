namespace UserAdmin.Web.Hosting;

/// <summary>
/// How big an uploaded file may be (<c>Import:MaxFileBytes</c>, R-IMP-1), and so how big the request
/// that carries it may be.
/// </summary>
public sealed class UploadLimits
{
    public const string Section = "Import";
    public const long DefaultMaxFileBytes = 20L * 1024 * 1024;

    // Room for the multipart boundaries and part headers, the antiforgery token and a few small form fields.
    public const long MultipartOverheadBytes = 64L * 1024;

    public long MaxFileBytes { get; set; } = DefaultMaxFileBytes;

    public long MaxRequestBytes => MaxFileBytes + MultipartOverheadBytes;
}

/// <summary>
/// Put on an upload action (or a minimal endpoint's metadata): its request may carry one file of up to
/// <c>Import:MaxFileBytes</c> plus the form around it; a bigger request gets the friendly 413 page naming
/// that limit before any of it is read into the app. The action still compares the file's own length
/// with <see cref="UploadLimits.MaxFileBytes"/>, since the form allowance lets a file slightly over it through.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UploadLimitAttribute : Attribute;
