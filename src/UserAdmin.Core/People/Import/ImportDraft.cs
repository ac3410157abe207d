using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Uploads;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// The people import's own state of one upload, keyed by the upload's id: the mapping chosen on the map step,
/// the stored preview (R-IMP-11) and the claim of the import that took the file (R-IMP-8). The upload itself
/// (<see cref="Uploads.Upload"/>) carries nothing of one flow; this row is deleted with it.
/// </summary>
public class ImportDraft
{
    public Guid UploadId { get; set; }

    public Upload Upload { get; set; } = null!;

    /// <summary>The mapping chosen on the map step (JSON of <see cref="ImportMapping"/>), null before.</summary>
    public string? MappingJson { get; set; }

    /// <summary>Whose preview, of which mapping, the stored preview rows are (R-IMP-11); null when the next preview must plan again.</summary>
    public string? PreviewKey { get; set; }

    /// <summary>The stored preview's counts and file-wide findings (JSON of <see cref="PreviewSummary"/>).</summary>
    public string? PreviewJson { get; set; }

    /// <summary>Concurrency tokens of the users as the preview saw them: "id:version" lines (R-IMP-8).</summary>
    public string? PreviewVersions { get; set; }

    /// <summary>Set once the file is imported, so that a second submit cannot import it again (the claim, <see cref="ImportSubmission"/>).</summary>
    public int? ImportId { get; set; }

    /// <summary>R-IMP-2: a new mapping; the stored preview, planned with the old one, no longer serves.</summary>
    public void ChooseMapping(ImportMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        MappingJson = mapping.ToJson();
        PreviewVersions = null;
        PreviewKey = null;
    }
}

/// <summary>The uploads of the people import, each with its <see cref="ImportDraft"/>, visible only to the administrator who uploaded it.</summary>
public sealed class ImportDrafts(UserAdminDbContext db, UploadStore uploads)
{
    /// <summary>Stores the file and its empty draft together, so that no upload of the import is ever without one.</summary>
    public async Task<ImportDraft> AddAsync(string fileName, CsvDocument document, int administratorId, CancellationToken cancellationToken = default)
    {
        var upload = await uploads.StageAsync(UploadPurpose.PeopleImport, fileName, document, administratorId, cancellationToken).ConfigureAwait(false);
        var draft = new ImportDraft { UploadId = upload.Id, Upload = upload };
        db.ImportDrafts.Add(draft);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return draft;
    }

    /// <summary>The draft with its upload, or null when the upload does not exist, expired, or belongs to another administrator.</summary>
    public Task<ImportDraft?> FindAsync(Guid uploadId, int administratorId, CancellationToken cancellationToken = default) =>
        Of(administratorId).SingleOrDefaultAsync(d => d.UploadId == uploadId, cancellationToken);

    /// <summary>The drafts whose upload this administrator may still use, each with its upload.</summary>
    public IQueryable<ImportDraft> Of(int administratorId) =>
        db.ImportDrafts.Include(d => d.Upload).Where(d => uploads.Of(UploadPurpose.PeopleImport, administratorId).Any(u => u.Id == d.UploadId));

    public Task SaveAsync(CancellationToken cancellationToken = default) => db.SaveChangesAsync(cancellationToken);

    /// <summary>
    /// R-SEC-9 with R-IMP-8: the uploads imported before <paramref name="importedBefore"/>, which the purge deletes.</summary>
    public static IQueryable<Guid> ImportedBefore(UserAdminDbContext db, NodaTime.Instant importedBefore)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ImportDrafts
            .Where(d => d.ImportId != null && db.PeopleImports.Any(i => i.Id == d.ImportId && i.ImportedAt < importedBefore))
            .Select(d => d.UploadId);
    }
}
