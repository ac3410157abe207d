using System.Globalization;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Uploads;

namespace UserAdmin.Web.Hosting;

/// <summary>An uploaded CSV file read into memory and checked (R-IMP-1), or the problems that refuse it.</summary>
public sealed record UploadedCsv(CsvDocument? Document, IReadOnlyList<CsvProblem> Problems)
{
    /// <summary>Refused for its size alone (the API answers 413).</summary>
    public bool IsTooLarge { get; init; }

    /// <summary>
    /// Every upload form goes through here: no file, an empty or too large file, and every file-level
    /// problem come back as messages for the page; nothing is stored.
    /// </summary>
    public static async Task<UploadedCsv> ReadAsync(IFormFile? file, UploadLimits limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (file is null || file.Length == 0)
        {
            return Refused(file is null ? "Choose a CSV file to upload." : "The file is empty.");
        }

        if (file.Length > limits.MaxFileBytes)
        {
            return Refused($"The file is {Size(file.Length)}; the largest file one upload takes is {Size(limits.MaxFileBytes)}. Split it into several files.") with { IsTooLarge = true };
        }

        var content = new byte[file.Length];
        await using (var stream = file.OpenReadStream())
        {
            await stream.ReadExactlyAsync(content, cancellationToken);
        }

        var opened = CsvDocument.Open(content, limits.MaxRows);
        return new UploadedCsv(opened.Document, opened.Problems);
    }

    public static string Megabytes(long bytes) =>
        (bytes / 1024d / 1024d).ToString(bytes % (1024 * 1024) == 0 ? "0" : "0.0#", CultureInfo.InvariantCulture) + " MB";

    /// <summary>Megabytes with the exact bytes: one byte over the limit must not read "20.0 MB; the largest is 20 MB".</summary>
    public static string Size(long bytes) => $"{Megabytes(bytes)} ({bytes.ToString("N0", CultureInfo.InvariantCulture)} bytes)";

    private static UploadedCsv Refused(string message) => new(null, [CsvProblem.OfFile(message)]);
}
