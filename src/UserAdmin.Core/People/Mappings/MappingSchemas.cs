using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Mappings;

public enum SaveMappingResult
{
    Saved,
    Replaced,
    NameTaken,
}

/// <summary>A saved mapping applied to a new file (R-MAP-2): what it fills, and which of its columns the file lacks.</summary>
public sealed record AppliedMapping(SavedMapping Saved, ImportMapping Mapping, IReadOnlySet<PersonField> MissingColumns);

/// <summary>Saved mapping schemas (R-MAP-1..3): save (asking before replacing), apply to a file, list, rename, delete.</summary>
public sealed class MappingSchemas(UserAdminDbContext db, TenantClock clock)
{
    /// <summary>Why a name or mapping cannot be saved, or null when it can.</summary>
    public static string? Problem(string? name, ImportMapping mapping)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return "Enter a name for the mapping.";
        }

        if (trimmed.Length > SavedMapping.NameLength)
        {
            return $"The mapping name is {trimmed.Length} characters long; at most {SavedMapping.NameLength} are allowed.";
        }

        var missing = PersonFields.All.Where(f => f.IsRequired && !mapping.IsMapped(f.Field)).Select(f => f.Header).ToList();
        return missing.Count > 0
            ? $"A mapping must map the required fields; {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} not mapped."
            : null;
    }

    public Task<List<SavedMapping>> ListAsync(CancellationToken cancellationToken = default) =>
        db.SavedMappings.AsNoTracking().OrderBy(m => m.Name).ToListAsync(cancellationToken);

    public Task<SavedMapping?> FindAsync(int id, CancellationToken cancellationToken = default) =>
        db.SavedMappings.SingleOrDefaultAsync(m => m.Id == id, cancellationToken);

    /// <summary>Saves under <paramref name="name"/>; an existing name (ignoring case) is replaced only when <paramref name="replace"/> is set.</summary>
    public async Task<SaveMappingResult> SaveAsync(string name, ImportMapping mapping, AdministratorProfile administrator, bool replace, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(administrator);
        var trimmed = name.Trim();
        var normalized = User.NormalizeKey(trimmed);
        var existing = await db.SavedMappings.SingleOrDefaultAsync(m => m.NormalizedName == normalized, cancellationToken).ConfigureAwait(false);
        if (existing is not null && !replace)
        {
            return SaveMappingResult.NameTaken;
        }

        var saved = existing ?? db.SavedMappings.Add(new SavedMapping()).Entity;
        saved.Name = trimmed;
        saved.MappingJson = mapping.ToJson();
        saved.SavedByUserId = administrator.UserId;
        saved.SavedByName = administrator.DisplayName;
        saved.SavedAt = clock.Now;
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException) when (existing is null)
        {
            // Someone saved the same name between our check and our insert.
            db.ChangeTracker.Clear();
            return SaveMappingResult.NameTaken;
        }

        return existing is null ? SaveMappingResult.Saved : SaveMappingResult.Replaced;
    }

    /// <summary>R-MAP-2: fills the fields whose saved column the file has and flags the others; records the use.</summary>
    public async Task<AppliedMapping?> ApplyAsync(int id, IReadOnlyList<string> headers, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var saved = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (saved is null)
        {
            return null;
        }

        var stored = ImportMapping.FromJson(saved.MappingJson);
        var present = stored.Columns.Where(c => headers.Contains(c.Value, StringComparer.Ordinal)).ToDictionary();
        var missing = stored.Columns.Keys.Where(f => !present.ContainsKey(f)).ToHashSet();
        saved.LastUsedAt = clock.Now;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return new AppliedMapping(saved, new ImportMapping(present, stored.DateFormats), missing);
    }

    /// <summary>R-MAP-2 by name (ignoring case), as scripts name a mapping; null when no mapping has that name.</summary>
    public async Task<AppliedMapping?> ApplyAsync(string name, IReadOnlyList<string> headers, CancellationToken cancellationToken = default)
    {
        var normalized = User.NormalizeKey((name ?? "").Trim());
        var id = await db.SavedMappings.Where(m => m.NormalizedName == normalized).Select(m => (int?)m.Id).SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return id is { } found ? await ApplyAsync(found, headers, cancellationToken).ConfigureAwait(false) : null;
    }

    /// <summary>The saved mappings whose every column is in <paramref name="headers"/>: offered first on the map step.</summary>
    public static IEnumerable<SavedMapping> FittingAll(IEnumerable<SavedMapping> mappings, IReadOnlyList<string> headers) =>
        mappings.Where(m => ImportMapping.FromJson(m.MappingJson).Columns.Values.All(c => headers.Contains(c, StringComparer.Ordinal)));

    public async Task<string?> RenameAsync(int id, string newName, CancellationToken cancellationToken = default)
    {
        var saved = await FindAsync(id, cancellationToken).ConfigureAwait(false);
        if (saved is null)
        {
            return "This mapping no longer exists; it was deleted meanwhile.";
        }

        if (Problem(newName, ImportMapping.FromJson(saved.MappingJson)) is { } problem)
        {
            return problem;
        }

        var normalized = User.NormalizeKey(newName);
        if (await db.SavedMappings.AnyAsync(m => m.NormalizedName == normalized && m.Id != id, cancellationToken).ConfigureAwait(false))
        {
            return $"Another mapping is already named \"{newName.Trim()}\".";
        }

        saved.Name = newName.Trim();
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return null;
    }

    public async Task<bool> DeleteAsync(int id, CancellationToken cancellationToken = default) =>
        await db.SavedMappings.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) > 0;
}
