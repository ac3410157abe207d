using UserAdmin.Core.Csv;
using UserAdmin.Core.People.Mappings;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

public enum ScriptedImportKind
{
    /// <summary>The dry run: the plan, nothing written.</summary>
    Planned,

    /// <summary>The import was queued (R-IMP-10): the caller enqueues its job and the status follows it.</summary>
    Started,

    /// <summary>The file or the request cannot be imported as it is; nothing was written.</summary>
    Refused,

    /// <summary>Someone changed a user, or imported the same upload, between the plan and the write; nothing was written.</summary>
    Conflict,
}

/// <summary>
/// What an unattended import did: the plan (when there is one), the started import's id, or why not. A dry
/// run's <see cref="Message"/> says why applying it would be refused, or is null when it would be accepted.
/// </summary>
public sealed record ScriptedImportResult(ScriptedImportKind Kind, ImportPlan? Plan, IReadOnlySet<PersonField> MissingColumns, int? ImportId, string? Message);

/// <summary>
/// R-API-2: the wizard's upload → map → preview → apply in one call, for scripts. It adds no rule of its
/// own to the import but one: a saved mapping whose columns the file lacks is only a dry run, because
/// applying it would clear those fields of every updated user (R-IMP-5) without anyone seeing the flags of R-MAP-2.
/// </summary>
public sealed class ScriptedImport(ImportDrafts drafts, MappingSchemas schemas, ImportPlanner planner, ImportPreviews previews, ImportSubmission submission)
{
    public async Task<ScriptedImportResult> RunAsync(
        string fileName,
        CsvDocument document,
        string? mappingName,
        bool dryRun,
        bool importValidRowsOnly,
        AdministratorProfile administrator,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(administrator);
        IReadOnlySet<PersonField> missing = new HashSet<PersonField>();
        ImportMapping mapping;
        if (string.IsNullOrWhiteSpace(mappingName))
        {
            mapping = ImportMapping.AutoMatch(document.Headers);
        }
        else if (await schemas.ApplyAsync(mappingName, document.Headers, cancellationToken).ConfigureAwait(false) is { } applied)
        {
            mapping = applied.Mapping;
            missing = applied.MissingColumns;
        }
        else
        {
            var names = (await schemas.ListAsync(cancellationToken).ConfigureAwait(false)).Select(m => $"\"{m.Name}\"").ToList();
            return new ScriptedImportResult(ScriptedImportKind.Refused, null, missing, null,
                $"No saved mapping is named \"{mappingName.Trim()}\". " + (names.Count == 0 ? "No mapping has been saved yet." : "Saved mappings: " + string.Join(", ", names) + "."));
        }

        var plan = await planner.PlanAsync(document, mapping, administrator, cancellationToken).ConfigureAwait(false);
        var refusal = missing.Count > 0
            ? $"The saved mapping \"{mappingName!.Trim()}\" names columns this file does not have ({string.Join(", ", PersonFields.All.Where(f => missing.Contains(f.Field)).Select(f => f.Header))}); importing would clear those fields of every updated user. Add the columns to the file, or save a mapping without them."
            : plan.WhyItCannotBeApplied(importValidRowsOnly);
        if (dryRun)
        {
            return new ScriptedImportResult(ScriptedImportKind.Planned, plan, missing, null, refusal);
        }

        if (refusal is not null)
        {
            return new ScriptedImportResult(ScriptedImportKind.Refused, plan, missing, null, refusal);
        }

        // The stored upload and its stored preview are what the wizard's preview leaves behind for its Import button.
        var draft = await drafts.AddAsync(fileName, document, administrator.UserId, cancellationToken).ConfigureAwait(false);
        draft.MappingJson = mapping.ToJson();
        draft.PreviewVersions = PreviewVersions.Format(plan);
        await drafts.SaveAsync(cancellationToken).ConfigureAwait(false);
        await previews.SummaryAsync(draft, administrator, document, cancellationToken).ConfigureAwait(false);
        var outcome = await submission.SubmitAsync(draft, administrator, importValidRowsOnly, cancellationToken).ConfigureAwait(false);
        return outcome.Import is { } import
            ? new ScriptedImportResult(ScriptedImportKind.Started, plan, missing, import.Id, null)
            : new ScriptedImportResult(ScriptedImportKind.Conflict, plan, missing, null, outcome.Refusal);
    }
}
