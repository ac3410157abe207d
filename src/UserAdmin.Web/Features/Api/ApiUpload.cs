using Microsoft.AspNetCore.Http.HttpResults;
using UserAdmin.Core.Uploads;
using UserAdmin.Web.Hosting;

namespace UserAdmin.Web.Features.Api;

/// <summary>An API upload through the pages' own checks (R-IMP-1), refused as 400 (no file), 413 (too large) or 422 (unreadable).</summary>
internal static class ApiUpload
{
    public static async Task<(UploadedCsv? Uploaded, ProblemHttpResult? Refusal)> ReadAsync(IFormFile? file, UploadLimits limits, CancellationToken cancellationToken)
    {
        if (file is null)
        {
            return (null, ApiProblems.Problem(StatusCodes.Status400BadRequest, "No file.", "Send the CSV file as the multipart/form-data field \"file\"."));
        }

        var uploaded = await UploadedCsv.ReadAsync(file, limits, cancellationToken);
        if (uploaded.Document is not null)
        {
            return (uploaded, null);
        }

        var status = uploaded.IsTooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status422UnprocessableEntity;
        return (null, ApiProblems.File(status, "The file cannot be read.", string.Join(" ", uploaded.Problems.Select(p => p.ToString())), uploaded.Problems));
    }
}
