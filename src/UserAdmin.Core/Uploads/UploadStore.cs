using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;

namespace UserAdmin.Core.Uploads;

/// <summary>Keeps uploaded files between the steps of their flow (R-IMP-1, R-BLK-2), each visible only to the administrator who uploaded it.</summary>
public sealed class UploadStore(UserAdminDbContext db, TenantClock clock)
{
    public async Task<Upload> AddAsync(UploadPurpose purpose, string fileName, byte[] content, int rowCount, int administratorId, CancellationToken cancellationToken = default)
    {
        var upload = await StageAsync(purpose, fileName, content, rowCount, administratorId, cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return upload;
    }

    /// <summary>The upload and its content added to the context, saved by the caller's SaveChanges with what its flow keeps beside it.</summary>
    public async Task<Upload> StageAsync(UploadPurpose purpose, string fileName, byte[] content, int rowCount, int administratorId, CancellationToken cancellationToken = default)
    {
        var now = clock.Now;
        await db.Uploads.Where(u => u.ExpiresAt < now).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var upload = new Upload
        {
            Id = Guid.NewGuid(),
            Purpose = purpose,
            FileName = Path.GetFileName(fileName ?? "").Trim() is { Length: > 0 } name ? name[..Math.Min(name.Length, 260)] : "upload.csv",
            RowCount = rowCount,
            UploadedByUserId = administratorId,
            UploadedAt = now,
            ExpiresAt = now + UploadLimits.UploadLifetime,
        };
        db.Uploads.Add(upload);
        db.UploadContents.Add(new UploadContent { UploadId = upload.Id, Bytes = content });
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

    /// <summary>The upload's file, read from its own table (<see cref="UploadContent"/>) only by a step that parses it.</summary>
    public Task<CsvDocument> DocumentAsync(Guid uploadId, CancellationToken cancellationToken = default) => DocumentAsync(db, uploadId, cancellationToken);

    public static async Task<CsvDocument> DocumentAsync(UserAdminDbContext db, Guid uploadId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var bytes = await db.UploadContents.AsNoTracking().Where(c => c.UploadId == uploadId).Select(c => c.Bytes).SingleAsync(cancellationToken).ConfigureAwait(false);
        return CsvDocument.Reopen(bytes);
    }
}
