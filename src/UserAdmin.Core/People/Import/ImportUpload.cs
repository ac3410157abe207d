using System.Globalization;
using NodaTime;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// An uploaded file waiting to be mapped, previewed and imported (R-IMP-1). Kept in the database
/// under a generated id, never on disk under the client's name, so that any app instance can serve
/// the next step; it expires after <see cref="ImportSettings.UploadLifetime"/>.
/// </summary>
public class ImportUpload
{
    public Guid Id { get; set; }

    /// <summary>Which flow the file belongs to: a people import or a bulk transfer.</summary>
    public UploadPurpose Purpose { get; set; }

    /// <summary>The client's file name, for display only.</summary>
    public string FileName { get; set; } = "";

    public int RowCount { get; set; }

    public int UploadedByUserId { get; set; }

    public Instant UploadedAt { get; set; }

    public Instant ExpiresAt { get; set; }

    /// <summary>The mapping chosen on the map step (JSON of <see cref="ImportMapping"/>), null before.</summary>
    public string? MappingJson { get; set; }

    /// <summary>Whose preview, of which mapping, the stored preview rows are (R-IMP-11); null when the next preview must plan again.</summary>
    public string? PreviewKey { get; set; }

    /// <summary>The stored preview's counts and file-wide findings (JSON of <see cref="PreviewSummary"/>).</summary>
    public string? PreviewJson { get; set; }

    /// <summary>Concurrency tokens of the users as the preview saw them: "id:version" lines (R-IMP-8).</summary>
    public string? PreviewVersions { get; set; }

    /// <summary>Set once the file is imported, so that a second submit cannot import it again.</summary>
    public int? ImportId { get; set; }
}

/// <summary>
/// The bytes of an upload, in a table of their own: the upload's row changes at every step (mapping, preview,
/// claim), and a row holding a file of tens of megabytes would be rewritten and read whole each time. Only a step
/// that parses the file reads them (<see cref="ImportUploadStore.DocumentAsync(UserAdminDbContext, Guid, CancellationToken)"/>).
/// </summary>
public class UploadContent
{
    public Guid UploadId { get; set; }

    public byte[] Bytes { get; set; } = [];
}

public enum UploadPurpose
{
    PeopleImport,
    BulkTransfer,
}

/// <summary>
/// Limits of an upload (R-IMP-1, R-IMP-11), from <c>Import:MaxFileBytes</c> and <c>Import:MaxRows</c>: the one
/// options type for them, read by the upload forms and by the request-size limit alike.
/// </summary>
public sealed class ImportSettings
{
    public const string Section = "Import";

    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    public int MaxRows { get; set; } = 150_000;

    /// <summary>
    /// R-IMP-11: the rows the planner reads, checks and stores (or writes) at a time. Memory holds one chunk;
    /// a larger one means fewer queries. Any size gives the same plan (the tests plan with chunks of one row).
    /// </summary>
    public int PlanChunkRows { get; set; } = 2000;

    public static readonly Duration UploadLifetime = Duration.FromHours(24);

    /// <summary>
    /// R-EXP-5 at tenant scale: why the administrator's unedited export could not be imported back under
    /// these limits, or null when it fits (with a tenth to spare for the size, which is an estimate).
    /// </summary>
    public string? RefusalOfExport(ExportSize export)
    {
        ArgumentNullException.ThrowIfNull(export);
        if (export.Users > MaxRows)
        {
            return $"Your export holds {export.Users.ToString("N0", CultureInfo.InvariantCulture)} users, more than the {MaxRows.ToString("N0", CultureInfo.InvariantCulture)} rows one import takes (Import:MaxRows): it cannot be imported back in one file. Raise the limit, or filter and import it in parts.";
        }

        return export.Bytes * 11 / 10 > MaxFileBytes
            ? $"Your export is about {Megabytes(export.Bytes)}, near or above the {Megabytes(MaxFileBytes)} one upload takes (Import:MaxFileBytes): it may not be imported back in one file. Raise the limit, or import it in parts."
            : null;
    }

    private static string Megabytes(long bytes) => (bytes / 1024d / 1024d).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
}
