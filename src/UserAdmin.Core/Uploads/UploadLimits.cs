using System.Globalization;
using NodaTime;
using UserAdmin.Core.People;

namespace UserAdmin.Core.Uploads;

/// <summary>
/// Limits of an upload, of either flow (R-IMP-1, R-IMP-11, R-BLK-2), from <c>Import:MaxFileBytes</c>,
/// <c>Import:MaxRows</c> and <c>Import:PlanChunkRows</c>: the one options type bound to the section, read by the
/// upload forms, the request-size limit and the planner alike. The section keeps the name administrators already
/// configure (README), although the bulk transfer's upload obeys it too.
/// </summary>
public sealed class UploadLimits
{
    public const string Section = "Import";

    public long MaxFileBytes { get; set; } = 50L * 1024 * 1024;

    public int MaxRows { get; set; } = 150_000;

    /// <summary>
    /// R-IMP-11: the rows of an upload a step holds at a time: the planner reads, checks and stores (or writes) that many. Memory holds one chunk;
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
