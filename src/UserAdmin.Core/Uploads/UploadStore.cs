using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;

namespace UserAdmin.Core.Uploads;

/// <summary>Keeps uploaded files between the steps of their flow (R-IMP-1, R-BLK-2), each visible only to the administrator who uploaded it.</summary>
public sealed class UploadStore(UserAdminDbContext db, TenantClock clock)
{
    /// <summary>Keeps a file that <see cref="CsvDocument.Open"/> accepted, with what was found then: its columns, format and row count.</summary>
    public async Task<Upload> AddAsync(UploadPurpose purpose, string fileName, CsvDocument document, int administratorId, CancellationToken cancellationToken = default)
    {
        var upload = await StageAsync(purpose, fileName, document, administratorId, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return upload;
    }

    /// <summary>The upload and its content added to the context, saved by the caller's SaveChanges with what its flow keeps beside it.</summary>
    public async Task<Upload> StageAsync(UploadPurpose purpose, string fileName, CsvDocument document, int administratorId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        var now = clock.Now;
        await db.Uploads.Where(u => u.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var upload = new Upload
        {
            Id = Guid.NewGuid(),
            Purpose = purpose,
            FileName = Path.GetFileName(fileName ?? "").Trim() is { Length: > 0 } name ? name[..Math.Min(name.Length, 260)] : "upload.csv",
            RowCount = document.RowCount,
            ColumnsJson = UploadColumn.ToJson(UploadColumn.Of(document)),
            EncodingCodePage = document.Format.Encoding.CodePage,
            Delimiter = document.Format.Delimiter,
            UploadedByUserId = administratorId,
            UploadedAt = now,
            ExpiresAt = now + UploadLimits.UploadLifetime,
        };
        db.Uploads.Add(upload);
        db.UploadContents.Add(new UploadContent { UploadId = upload.Id, Bytes = document.Content });
        return upload;
    }

    /// <summary>The upload, or null when it does not exist, expired, or belongs to another administrator.</summary>
    public Task<Upload?> FindAsync(UploadPurpose purpose, Guid id, int administratorId, CancellationToken cancellationToken = default) =>
        Of(purpose, administratorId).SingleOrDefaultAsync(u => u.Id == id, cancellationToken);

    /// <summary>The uploads of a flow that this administrator may still use: their own, not expired.</summary>
    public IQueryable<Upload> Of(UploadPurpose purpose, int administratorId)
    {
        var now = clock.Now;
        return db.Uploads.Where(u => u.Purpose == purpose && u.UploadedByUserId == administratorId && u.ExpiresAt >= now);
    }

    /// <summary>
    /// The upload's file, read from its own table (<see cref="UploadContent"/>) only by a step that parses it, and
    /// reopened with what the upload kept: it is not checked or counted again.
    /// </summary>
    public Task<CsvDocument> DocumentAsync(Upload upload, CancellationToken cancellationToken = default) => DocumentAsync(db, upload, cancellationToken);

    public static async Task<CsvDocument> DocumentAsync(UserAdminDbContext db, Upload upload, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(upload);
        var bytes = await db.UploadContents.AsNoTracking().Where(c => c.UploadId == upload.Id).Select(c => c.Bytes).SingleAsync(cancellationToken).ConfigureAwait(false);
        return CsvDocument.Reopen(bytes, upload.Format(), upload.Headers(), upload.RowCount);
    }
}
