using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Uploads;

namespace UserAdmin.Core.Transfers.Bulk;

/// <summary>The stored plan of one bulk upload, keyed by the upload's id (ADR-0007).</summary>
public class StoredBulkPlan
{
    public Guid UploadId { get; set; }

    public Instant PlannedAt { get; set; }

    public string PlanJson { get; set; } = "";
}

/// <summary>
/// A bulk file is planned once, when it is first previewed, and the plan is stored: paging, the
/// confirmation and Run read it instead of re-planning every pair (R-BLK-4). What can change after the
/// preview — the rules, the users' transfer history, other active transfers — is checked again when the
/// run starts and per pair when it runs (R-TRF-5, R-TRF-6, R-TRF-8).
/// </summary>
public sealed class BulkPlanStore(UserAdminDbContext db, TenantClock clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public async Task<BulkPlan> GetOrPlanAsync(Guid uploadId, Func<Task<BulkPlan>> plan, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        if (await FindAsync(uploadId, cancellationToken).ConfigureAwait(false) is { } stored)
        {
            return stored;
        }

        var planned = await plan().ConfigureAwait(false);
        // A plan lives as long as its upload can be found.
        var expired = clock.Now - UploadLimits.UploadLifetime;
        await db.BulkTransferPlans.Where(p => p.PlannedAt < expired).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        db.BulkTransferPlans.Add(new StoredBulkPlan { UploadId = uploadId, PlannedAt = clock.Now, PlanJson = JsonSerializer.Serialize(planned, Json) });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Two first views of one upload at once: both planned the same file; keep the one stored first.
            db.ChangeTracker.Clear();
            return await FindAsync(uploadId, cancellationToken).ConfigureAwait(false) ?? throw new InvalidOperationException($"The plan of upload {uploadId} could not be stored.");
        }

        return planned;
    }

    public async Task<BulkPlan?> FindAsync(Guid uploadId, CancellationToken cancellationToken = default)
    {
        var json = await db.BulkTransferPlans.AsNoTracking().Where(p => p.UploadId == uploadId).Select(p => p.PlanJson).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return json is null ? null : JsonSerializer.Deserialize<BulkPlan>(json, Json);
    }

    /// <summary>R-TRF-6: the administrator's explicit choice to include (or not) the already transferred pairs.</summary>
    public async Task<bool> IncludeTransferredAsync(Guid uploadId, bool include, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(uploadId, cancellationToken).ConfigureAwait(false) is not { } plan)
        {
            return false;
        }

        var json = JsonSerializer.Serialize(plan with { IncludesTransferred = include }, Json);
        return await db.BulkTransferPlans.Where(p => p.UploadId == uploadId)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.PlanJson, json), cancellationToken).ConfigureAwait(false) > 0;
    }
}
