using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Revert;

/// <summary>What a revert will do, before it is previewed: the file of its rows and what a file cannot say.</summary>
public sealed record RevertContent(
    byte[]? File,
    int Rows,
    ImportMapping Mapping,
    IReadOnlyList<ChangedSinceUser> ChangedSince,
    IReadOnlyDictionary<int, Guid> Deleted,
    int Deactivated,
    IReadOnlyList<string> DeletionRefusals);

/// <summary>
/// R-UNDO-2: turns an import's before-images into the people.csv rows that undo it, so that the revert is an
/// import like any other and every rule of an import (R-IMP-4..8, R-SEC-1..8) checks it, in the preview and
/// again in the job (ADR-0014). Each row is the user as stored now with the import's changed fields set back;
/// users created by the import are deactivated, or deleted when they own nothing and never signed in; users
/// changed since the import are left out unless the administrator included them.
/// </summary>
public sealed class RevertPlanner(UserAdminDbContext db, PeopleReader reader, RevertDeletions deletions, TenantClock clock)
{
    private const int Chunk = 1000;

    public async Task<RevertContent> PlanAsync(PeopleImport import, AdministratorProfile administrator, IReadOnlySet<int> included, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(import);
        ArgumentNullException.ThrowIfNull(administrator);
        ArgumentNullException.ThrowIfNull(included);
        var images = await db.ImportBeforeImages.AsNoTracking().Where(b => b.ImportId == import.Id).OrderBy(b => b.UserId).ToListAsync(cancellationToken).ConfigureAwait(false);
        var references = await PeopleReferenceData.LoadAsync(db, cancellationToken).ConfigureAwait(false);
        var ids = images.Where(i => i.Kind != BeforeImageKind.Deleted).Select(i => i.UserId).ToList();
        var current = await CurrentAsync(ids, references, cancellationToken).ConfigureAwait(false);
        var laterChanges = await LaterChangesAsync(import, ids, cancellationToken).ConfigureAwait(false);

        var rows = new List<PersonRecord>();
        var changedSince = new List<ChangedSinceUser>();
        var created = new List<StoredPerson>();
        foreach (var image in images)
        {
            if (image.Kind == BeforeImageKind.Deleted)
            {
                rows.Add(Recreated(image));
                continue;
            }

            if (!current.TryGetValue(image.UserId, out var person))
            {
                changedSince.Add(new ChangedSinceUser(image.UserId, $"User {image.UserId.ToString(CultureInfo.InvariantCulture)}", "deleted since the import", CanBeIncluded: false, Included: false));
                continue;
            }

            var reason = laterChanges.GetValueOrDefault(image.UserId) ?? (person.Version != image.VersionAfter ? "edited since the import" : null);
            if (reason is not null)
            {
                var include = included.Contains(image.UserId);
                changedSince.Add(new ChangedSinceUser(person.Id, NameOf(person), reason, CanBeIncluded: true, include));
                if (!include)
                {
                    continue;
                }
            }

            if (image.Kind == BeforeImageKind.Updated)
            {
                rows.Add(Restored(person, BeforeImageValues.Parse(image.Values)));
            }
            else
            {
                created.Add(person);
            }
        }

        var kept = await deletions.KeptAsync(created.ConvertAll(p => p.Id), cancellationToken).ConfigureAwait(false);
        var deleted = created.Where(p => !kept.Contains(p.Id)).ToList();

        // A deleted user's row is their stored values, unchanged: it only has the import's rules check that the user is the administrator's to change.
        rows.AddRange(created.Select(p => kept.Contains(p.Id) ? Deactivated(p) : Copy(p.Values)));
        var touchesQmViews = images.Any(i => i.Kind != BeforeImageKind.Created && BeforeImageValues.Parse(i.Values).ContainsKey(PersonField.QmViews));
        var fields = PersonFields.All.Where(f => f.Field != PersonField.QmViews || touchesQmViews || administrator.Has(Permissions.EditQmViews)).ToList();
        return new RevertContent(
            rows.Count == 0 ? null : Write(fields, rows),
            rows.Count,
            new ImportMapping(fields.ToDictionary(f => f.Field, f => f.Header), PersonFields.Dates.ToDictionary(f => f.Field, _ => DateFormat.YearMonthDayDash)),
            changedSince,
            deleted.ToDictionary(p => p.Id, p => p.Version),
            created.Count - deleted.Count,
            RevertDeletions.Refusals(deleted, administrator, references));
    }

    private async Task<Dictionary<int, StoredPerson>> CurrentAsync(List<int> ids, PeopleReferenceData references, CancellationToken cancellationToken)
    {
        var current = new Dictionary<int, StoredPerson>();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            await foreach (var page in reader.ReadPagesAsync(db.Users.Where(u => chunk.Contains(u.Id)), references, cancellationToken).ConfigureAwait(false))
            {
                foreach (var person in page)
                {
                    current[person.Id] = person;
                }
            }
        }

        return current;
    }

    /// <summary>Who changed the users since the import, in words: a later import, or a transfer they took part in.</summary>
    private async Task<Dictionary<int, string>> LaterChangesAsync(PeopleImport import, List<int> ids, CancellationToken cancellationToken)
    {
        var since = import.FinishedAt!.Value;
        var importId = import.Id;
        var reasons = new Dictionary<int, string>();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var transfers = await db.TransferRunPairs.AsNoTracking()
                .Where(p => p.State == TransferPairState.Done && p.CompletedAt > since && (chunk.Contains(p.SourceUserId) || chunk.Contains(p.TargetUserId)))
                .Select(p => new { p.SourceUserId, p.TargetUserId, p.RunId })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var pair in transfers)
            {
                reasons.TryAdd(pair.SourceUserId, $"source of transfer {pair.RunId.ToString(CultureInfo.InvariantCulture)} since the import");
                reasons.TryAdd(pair.TargetUserId, $"target of transfer {pair.RunId.ToString(CultureInfo.InvariantCulture)} since the import");
            }

            var imports = await db.ImportBeforeImages.AsNoTracking()
                .Where(b => chunk.Contains(b.UserId) && b.ImportId != import.Id)
                .Join(db.PeopleImports.Where(i => i.FinishedAt > since || (i.FinishedAt == since && i.Id > importId)), b => b.ImportId, i => i.Id, (b, i) => new { b.UserId, i.Id })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var later in imports.OrderBy(i => i.Id))
            {
                reasons[later.UserId] = $"changed by import {later.Id.ToString(CultureInfo.InvariantCulture)} since this one";
            }
        }

        return reasons;
    }

    private static PersonRecord Restored(StoredPerson person, IReadOnlyDictionary<PersonField, string?> before)
    {
        var values = Copy(person.Values);
        foreach (var (field, value) in before)
        {
            values[field] = value;
        }

        return values;
    }

    /// <summary>R-USR-2: a deactivation date of today deactivates; a user already inactive keeps their date.</summary>
    private PersonRecord Deactivated(StoredPerson person)
    {
        var values = Copy(person.Values);
        var today = clock.Today;
        if (ImportPlanner.IsActive(values[PersonField.Deactivated], today))
        {
            values[PersonField.Deactivated] = PeopleReader.IsoDate(today);
        }

        return values;
    }

    private static PersonRecord Recreated(ImportBeforeImage image)
    {
        var values = new PersonRecord();
        foreach (var (field, value) in BeforeImageValues.Parse(image.Values))
        {
            values[field] = value;
        }

        values[PersonField.UserId] = "0"; // R-IMP-4: a user is created again, under a new User ID
        return values;
    }

    private static PersonRecord Copy(PersonRecord source)
    {
        var copy = new PersonRecord();
        foreach (var field in PersonFields.All)
        {
            copy[field.Field] = source[field.Field];
        }

        return copy;
    }

    private static string NameOf(StoredPerson person) => $"{person.Values[PersonField.FirstName]} {person.Values[PersonField.LastName]}";

    /// <summary>The rows in people.csv's own format (R-EXP-2, R-EXP-4), which the import reads back unchanged.</summary>
    private static byte[] Write(List<PersonFieldInfo> fields, List<PersonRecord> rows) =>
        CsvDownload.Bytes(CsvDownload.Text(fields.Select(f => f.Header), file =>
        {
            foreach (var row in rows)
            {
                file.WriteRow(fields.Select(f => row[f.Field] ?? ""));
            }
        }));
}
