using NodaTime;
using UserAdmin.Core.Csv;
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

    /// <summary>The data rows, counted when the file was accepted (R-IMP-1).</summary>
    public int RowCount { get; set; }

    /// <summary>The file's columns, headers and samples, kept at upload (JSON of <see cref="UploadColumn"/>s).</summary>
    public string ColumnsJson { get; set; } = "[]";

    /// <summary>The code page of the encoding detected at upload (UTF-8 or UTF-16).</summary>
    public int EncodingCodePage { get; set; }

    /// <summary>The delimiter detected at upload.</summary>
    public char Delimiter { get; set; }

    public int UploadedByUserId { get; set; }

    public Instant UploadedAt { get; set; }

    public Instant ExpiresAt { get; set; }

    public IReadOnlyList<UploadColumn> Columns() => UploadColumn.FromJson(ColumnsJson);

    public IReadOnlyList<string> Headers() => Columns().Select(c => c.Header).ToList();

    public CsvFileFormat Format() => CsvFileFormat.Of(EncodingCodePage, Delimiter);
}

/// <summary>
/// The bytes of an upload, in a table of their own: the rows beside the upload change at every step (mapping,
/// preview, claim), and a row holding a file of tens of megabytes would be rewritten and read whole each time. Only a step
/// that parses the file reads them (<see cref="UploadStore.DocumentAsync(UserAdminDbContext, Upload, CancellationToken)"/>).
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
