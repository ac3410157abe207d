using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Uploads;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-11: the dry run of an upload, stored in the database (its summary with the upload's draft, its
/// changes, errors and activations as <see cref="ImportPreviewRow"/>s) and paged from there, so that
/// any app instance serves any page and no process keeps a plan in memory. It is planned again only
/// when the mapping, the administrator's permissions or scope, or the database (after a refused
/// import) may have changed it.
/// </summary>
public sealed class ImportPreviews(UserAdminDbContext db, ImportPlanner planner, ILogger<ImportPreviews> logger)
{
    private const int InsertChunk = 2000;

    /// <summary>The stored preview for this administrator, planned and stored first when there is none.</summary>
    /// <param name="document">The upload's file when the caller has just made or read it; otherwise it is read only if the preview must be planned.</param>
    public async Task<PreviewSummary> SummaryAsync(ImportDraft draft, AdministratorProfile administrator, CsvDocument? document = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(administrator);
        var key = KeyOf(draft, administrator);
        if (draft.PreviewKey == key && draft.PreviewJson is { } stored)
        {
            return PreviewSummary.FromJson(stored);
        }

        try
        {
            return await PlanAndStoreAsync(draft, document ?? await UploadStore.DocumentAsync(db, draft.Upload, cancellationToken).ConfigureAwait(false), ImportMapping.FromJson(draft.MappingJson!), administrator, key, cancellationToken).ConfigureAwait(false);
        }
        catch (DbException exception)
        {
            // Another request (perhaps on another instance) stored the same preview at the same moment: its rows serve.
            var current = await db.ImportDrafts.AsNoTracking().Where(d => d.UploadId == draft.UploadId)
                .Select(d => new { d.PreviewKey, d.PreviewJson }).SingleAsync(cancellationToken).ConfigureAwait(false);
            if (current.PreviewKey != key || current.PreviewJson is null)
            {
                throw;
            }

            logger.LogInformation(exception, "The preview of upload {UploadId} was stored by another request meanwhile", draft.UploadId);
            return PreviewSummary.FromJson(current.PreviewJson);
        }
    }

    public async Task<(IReadOnlyList<PreviewItem> Items, int Total)> PageAsync(Guid uploadId, PreviewSection section, int skip, int take, CancellationToken cancellationToken = default)
    {
        var rows = db.ImportPreviewRows.AsNoTracking().Where(r => r.UploadId == uploadId && r.Section == section);
        var page = await rows.Where(r => r.Ordinal >= skip && r.Ordinal < skip + take).OrderBy(r => r.Ordinal).ToListAsync(cancellationToken).ConfigureAwait(false);
        return (page.ConvertAll(PreviewItem.Of), await rows.CountAsync(cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Every stored item of a section in file order, streamed (the invalid rows report, the per-row results).</summary>
    public IAsyncEnumerable<ImportPreviewRow> AllAsync(Guid uploadId, PreviewSection section) =>
        db.ImportPreviewRows.AsNoTracking().Where(r => r.UploadId == uploadId && r.Section == section).OrderBy(r => r.Ordinal).AsAsyncEnumerable();

    /// <summary>The next preview plans again: after a new mapping, or when a refused import found the database changed.</summary>
    public static Task ForgetAsync(UserAdminDbContext db, Guid uploadId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.ImportDrafts.Where(d => d.UploadId == uploadId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.PreviewKey, (string?)null), cancellationToken);
    }

    /// <summary>
    /// Plans the file and stores each chunk's rows as it is planned (R-IMP-11), all in one transaction, so that a
    /// preview is stored whole or not at all and no process holds more than a chunk of it.
    /// </summary>
    private async Task<PreviewSummary> PlanAndStoreAsync(ImportDraft draft, CsvDocument document, ImportMapping mapping, AdministratorProfile administrator, string key, CancellationToken cancellationToken)
    {
        var uploadId = draft.UploadId;
        string json = "", versions = "";
        PreviewSummary summary = null!;
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await db.ImportPreviewRows.Where(r => r.UploadId == uploadId).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
                var numbering = new PreviewNumbering();
                var seen = new PreviewVersions.Builder();
                var outline = await planner.PlanAsync(document, mapping, administrator, DamagedCellsChoice.NotChosen, async (chunk, token) =>
                {
                    seen.Add(chunk.Rows);
                    foreach (var rows in PreviewItem.RowsOf(uploadId, chunk.Rows, numbering).Chunk(InsertChunk))
                    {
                        await FastWrites.InsertAsync(db, rows, token).ConfigureAwait(false);
                    }
                }, cancellationToken).ConfigureAwait(false);
                summary = PreviewSummary.Of(outline);
                (json, versions) = (summary.ToJson(), seen.ToString());
                await db.ImportDrafts.Where(d => d.UploadId == uploadId).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.PreviewKey, key)
                    .SetProperty(d => d.PreviewJson, json)
                    .SetProperty(d => d.PreviewVersions, versions), cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        // The draft in hand shows what was stored, and a tracked one is not marked changed by it.
        (draft.PreviewKey, draft.PreviewJson, draft.PreviewVersions) = (key, json, versions);
        var entry = db.Entry(draft);
        if (entry.State != EntityState.Detached)
        {
            foreach (var property in new[] { nameof(ImportDraft.PreviewKey), nameof(ImportDraft.PreviewJson), nameof(ImportDraft.PreviewVersions) })
            {
                entry.Property(property).OriginalValue = entry.Property(property).CurrentValue;
            }
        }

        return summary;
    }

    /// <summary>A preview is only reused for the same mapping and the same administrator, permissions and scope.</summary>
    private static string KeyOf(ImportDraft draft, AdministratorProfile administrator) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|',
            draft.MappingJson, administrator.UserId, administrator.Permissions, administrator.IsTenantAdministrator, administrator.FullScope,
            string.Join(',', administrator.RoleIds), string.Join(',', administrator.ScopeTeamIds), string.Join(',', administrator.ScopeGroupIds)))));
}
