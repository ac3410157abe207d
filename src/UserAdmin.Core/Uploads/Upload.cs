using NodaTime;
using UserAdmin.Core.Persistence;

namespace UserAdmin.Core.Uploads;

/// <summary>
/// An uploaded CSV file waiting for the next step of its flow (a people import, R-IMP-1, or a bulk transfer,
/// R-BLK-2). Kept in the database under a generated id, never on disk under the client's name, so that any app
/// instance can serve the next step; it expires after <see cref="UploadLimits.UploadLifetime"/>.
/// </summary>
public class Upload
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
}

/// <summary>
/// The bytes of an upload, in a table of their own: the rows beside the upload change at every step (mapping,
/// preview, claim), and a row holding a file of tens of megabytes would be rewritten and read whole each time. Only a step
/// that parses the file reads them (<see cref="UploadStore.DocumentAsync(UserAdminDbContext, Guid, CancellationToken)"/>).
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
