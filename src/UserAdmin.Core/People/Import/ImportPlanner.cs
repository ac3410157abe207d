using System.Globalization;
using Microsoft.Extensions.Options;
using NodaTime;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.TimeZones;
using UserAdmin.Core.Uploads;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// The dry run (R-IMP-4..7): reads the file through the mapping, matches rows to users, validates
/// every rule, and computes each row's changes, without writing anything. Apply runs it again and
/// writes what it finds, so preview and import can never disagree about a rule. It streams (R-IMP-11):
/// a first pass reads only the keys the rules across rows need (<see cref="ImportFileKeys"/>), a second
/// plans the file in chunks against the users of each chunk and hands each chunk to the caller, so
/// memory holds one chunk, not the file.
/// </summary>
public sealed class ImportPlanner(UserAdminDbContext db, UserViewScope scope, PeopleReader reader, TimeZoneCatalogue timeZones, TenantClock clock, IOptions<UploadLimits> settings)
{
    private readonly int _chunkRows = Math.Max(1, settings.Value.PlanChunkRows);

    public Task<ImportPlan> PlanAsync(CsvDocument document, ImportMapping mapping, AdministratorProfile administrator, CancellationToken cancellationToken = default) =>
        PlanAsync(document, mapping, administrator, DamagedCellsChoice.NotChosen, cancellationToken);

    /// <summary>The dry run of a whole file in memory; with <see cref="DamagedCellsChoice.KeepStoredValues"/> the cells flagged as spreadsheet damage keep their stored values (R-IMP-13).</summary>
    public async Task<ImportPlan> PlanAsync(CsvDocument document, ImportMapping mapping, AdministratorProfile administrator, DamagedCellsChoice damagedCells, CancellationToken cancellationToken = default)
    {
        var rows = new List<PlannedRow>();
        var outline = await PlanAsync(document, mapping, administrator, damagedCells, (chunk, _) =>
        {
            rows.AddRange(chunk.Rows);
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        return new ImportPlan(outline.BlockingProblems, rows, outline.DateFormats, outline.Notices) { Damage = outline.Damage };
    }

    /// <summary>The streamed dry run: each chunk of planned rows goes to <paramref name="chunkPlanned"/> in file order and is then dropped.</summary>
    public async Task<ImportPlanOutline> PlanAsync(
        CsvDocument document, ImportMapping mapping, AdministratorProfile administrator, DamagedCellsChoice damagedCells,
        Func<PlannedChunk, CancellationToken, Task> chunkPlanned, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(administrator);
        ArgumentNullException.ThrowIfNull(chunkPlanned);
        var blocking = MappingCheck.Problems(document.Headers, mapping);
        if (blocking.Count > 0)
        {
            return ImportPlanOutline.Blocked(blocking);
        }

        var indexes = mapping.Columns.ToDictionary(c => c.Key, c => IndexOf(document.Headers, c.Value));
        var references = await PeopleReferenceData.LoadAsync(db, cancellationToken).ConfigureAwait(false);
        var cells = new CellReader(references, timeZones);
        var visible = scope.VisibleUsers(administrator);
        var people = await PeopleKeys.LoadAsync(db, visible, clock, cancellationToken).ConfigureAwait(false);
        var keys = await ImportFileKeys.ReadAsync(document.Rows(), mapping, indexes, cells, people, damagedCells, _chunkRows, cancellationToken).ConfigureAwait(false);

        var notices = new List<string>();
        var dateFormats = MappingCheck.ResolveDateFormats(keys.Dates.Detections(), mapping, blocking, notices);
        if (blocking.Count > 0)
        {
            return ImportPlanOutline.Blocked(blocking);
        }

        if (QmViewsNeedPermission(keys.QmViewsLines, administrator) is { } refusal)
        {
            return ImportPlanOutline.Blocked([refusal]);
        }

        var chunks = new ChunkPlanner(new ChunkContext(mapping, administrator, references, indexes, dateFormats, cells, damagedCells, clock.Today, _chunkRows), keys, people, visible, reader);
        await chunks.FindLastAdministratorRowsAsync(document.Rows(), cancellationToken).ConfigureAwait(false);

        var findings = new DamageFindings();
        var tally = new PlanTally();
        foreach (var records in document.Rows().Chunk(_chunkRows))
        {
            var matched = await chunks.PlanAsync(records, findings, cancellationToken).ConfigureAwait(false);
            var planned = matched.ConvertAll(Plan);
            tally.Add(planned);
            await chunkPlanned(new PlannedChunk(planned, keys.Released), cancellationToken).ConfigureAwait(false);
        }

        return new ImportPlanOutline([], dateFormats, notices, SpreadsheetDamage.Report(document.Headers, findings, damagedCells), tally);
    }

    private PlannedRow Plan(MatchedRow row)
    {
        var final = row.Final;
        var name = $"{final?[PersonField.FirstName] ?? row.Parsed.Values[PersonField.FirstName]} {final?[PersonField.LastName] ?? row.Parsed.Values[PersonField.LastName]}".Trim();
        if (row.Parsed.Problems.Count > 0 || final is null)
        {
            // The version is kept so that an apply keeping the stored values (R-IMP-13), which may make this row valid, can check it (R-IMP-8).
            return new PlannedRow(row.Parsed.Line, PlannedRowKind.Invalid, row.Existing?.Id, name, null, [], row.Parsed.ProblemsWithSheetRow(), ActivationChange.None, row.Existing?.Version, row.Parsed.RawValues);
        }

        if (row.Existing is not { } existing)
        {
            return new PlannedRow(row.Parsed.Line, PlannedRowKind.New, null, name, final, [], [], ActivationOf(null, final[PersonField.Deactivated], isNew: true), null, []);
        }

        var changes = PersonFields.All
            .Where(f => f.Field != PersonField.UserId && !string.Equals(existing.Values[f.Field], final[f.Field], StringComparison.Ordinal))
            .Select(f => new FieldChange(f.Field, existing.Values[f.Field], final[f.Field]))
            .ToList();
        var kind = changes.Count == 0 ? PlannedRowKind.Unchanged : PlannedRowKind.Updated;
        var activation = ActivationOf(existing.Values[PersonField.Deactivated], final[PersonField.Deactivated], isNew: false);
        return new PlannedRow(row.Parsed.Line, kind, existing.Id, name, final, changes, [], activation, existing.Version, []);
    }

    private ActivationChange ActivationOf(string? before, string? after, bool isNew)
    {
        if (before == after)
        {
            return ActivationChange.None;
        }

        var today = clock.Today;
        var wasActive = isNew || IsActive(before, today);
        var isActive = IsActive(after, today);
        return (wasActive, isActive, after) switch
        {
            (false, true, _) => ActivationChange.Activated,
            (true, false, _) => ActivationChange.Deactivated,
            (true, true, not null) => ActivationChange.DeactivationScheduled,
            _ => ActivationChange.None,
        };
    }

    internal static bool IsActive(string? deactivated, LocalDate today) =>
        deactivated is null || (DateFormat.YearMonthDayDash.TryParse(deactivated, out var date) && Activity.IsActive(date, today));

    /// <summary>R-SEC-1 and the seed: a value in QM Views anywhere in the file needs Edit QM Views for the whole import.</summary>
    private static CsvProblem? QmViewsNeedPermission(List<int> lines, AdministratorProfile administrator)
    {
        if (administrator.Has(Permissions.EditQmViews) || lines.Count == 0)
        {
            return null;
        }

        var where = string.Join(", ", lines.Take(5).Select(l => l.ToString(CultureInfo.InvariantCulture))) + (lines.Count > 5 ? " and more" : "");
        return CsvProblem.OfFile(
            $"The file has values in the QM Views column (line {where}). Importing QM Views needs the Edit QM Views permission, which your roles do not have: ask for it, or remove the values or the column (the import then leaves QM Views out).");
    }

    private static int IndexOf(IReadOnlyList<string> headers, string column)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (string.Equals(headers[i], column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new InvalidOperationException($"Column {column} is not in the file.");
    }
}
