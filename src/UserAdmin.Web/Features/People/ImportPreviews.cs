using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Users;

namespace UserAdmin.Web.Features.People;

/// <summary>
/// The dry run of an upload, kept for a few minutes so that paging through a large preview does not
/// plan the file again for every page. Another app instance simply plans it once more.
/// </summary>
public sealed class ImportPreviews(ImportPlanner planner, IMemoryCache cache)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    public async Task<ImportPlan> PlanAsync(ImportUpload upload, Func<CsvDocument> document, AdministratorProfile administrator, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        ArgumentNullException.ThrowIfNull(administrator);
        ArgumentNullException.ThrowIfNull(document);
        var fingerprint = FingerprintOf(upload, administrator);
        if (cache.TryGetValue<CachedPlan>(KeyOf(upload), out var cached) && cached?.Fingerprint == fingerprint)
        {
            return cached.Plan;
        }

        var plan = await planner.PlanAsync(document(), ImportMapping.FromJson(upload.MappingJson!), administrator, cancellationToken);
        cache.Set(KeyOf(upload), new CachedPlan(fingerprint, plan), Lifetime);
        return plan;
    }

    public void Forget(ImportUpload upload)
    {
        ArgumentNullException.ThrowIfNull(upload);
        cache.Remove(KeyOf(upload));
    }

    private static string KeyOf(ImportUpload upload) => $"import-plan:{upload.Id:N}";

    /// <summary>A plan is only reused for the same mapping and the same permissions and scope.</summary>
    private static string FingerprintOf(ImportUpload upload, AdministratorProfile administrator) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('|',
            upload.MappingJson, administrator.UserId, administrator.Permissions, administrator.IsTenantAdministrator, administrator.FullScope,
            string.Join(',', administrator.RoleIds), string.Join(',', administrator.ScopeTeamIds), string.Join(',', administrator.ScopeGroupIds)))));

    private sealed record CachedPlan(string Fingerprint, ImportPlan Plan);
}
