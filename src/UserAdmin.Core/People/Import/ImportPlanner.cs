using System.Globalization;
using NodaTime;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.TimeZones;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// The dry run (R-IMP-4..7): reads the file through the mapping, matches rows to users, validates
/// every rule, and computes each row's changes, without writing anything. Apply runs it again and
/// writes what it finds, so preview and import can never disagree about a rule.
/// </summary>
public sealed class ImportPlanner(UserAdminDbContext db, UserViewScope scope, PeopleReader reader, TimeZoneCatalogue timeZones, TenantClock clock)
{
    public Task<ImportPlan> PlanAsync(CsvDocument document, ImportMapping mapping, AdministratorProfile administrator, CancellationToken cancellationToken = default) =>
        PlanAsync(document, mapping, administrator, DamagedCellsChoice.NotChosen, cancellationToken);

    /// <summary>The dry run; with <see cref="DamagedCellsChoice.KeepStoredValues"/> the cells flagged as spreadsheet damage keep their stored values (R-IMP-13).</summary>
    public async Task<ImportPlan> PlanAsync(CsvDocument document, ImportMapping mapping, AdministratorProfile administrator, DamagedCellsChoice damagedCells, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(administrator);
        var blocking = MappingCheck.Problems(document, mapping);
        if (blocking.Count > 0)
        {
            return ImportPlan.Blocked(blocking);
        }

        var indexes = mapping.Columns.ToDictionary(c => c.Key, c => IndexOf(document.Headers, c.Value));
        var notices = new List<string>();
        var records = document.Rows().ToList(); // parsed once: date detection and the rows read the same records
        var dateFormats = MappingCheck.ResolveDateFormats(records, mapping, indexes, blocking, notices);
        if (blocking.Count > 0)
        {
            return ImportPlan.Blocked(blocking);
        }

        var references = await PeopleReferenceData.LoadAsync(db, cancellationToken).ConfigureAwait(false);
        var cells = new CellReader(references, timeZones);
        var rows = records.ConvertAll(r => ParsedRow.Read(r, mapping, indexes, dateFormats, cells));

        if (QmViewsNeedPermission(rows, indexes, administrator) is { } refusal)
        {
            return ImportPlan.Blocked([refusal]);
        }

        var matchById = mapping.IsMapped(PersonField.UserId);
        var existing = await ExistingPeople.LoadAsync(
            db, scope.VisibleUsers(administrator), reader, references,
            matchById ? rows.Select(r => IdOf(r)).OfType<int>().Where(id => id > 0).Distinct().ToList() : [],
            matchById ? [] : rows.Select(r => r.Values[PersonField.Email]).OfType<string>().Select(User.NormalizeKey).Distinct().ToList(),
            clock, cancellationToken).ConfigureAwait(false);

        var rules = new ImportRowRules(mapping, administrator, references, existing, clock.Today);
        var matched = rows.ConvertAll(row => rules.Match(row, matchById));
        var damage = SpreadsheetDamage.Inspect(document.Headers, mapping, indexes, matched, damagedCells);
        DuplicatesInFile.Check(matched, mapping);
        rules.CheckKeysAreFree(matched);
        foreach (var row in matched.Where(r => r.IsValid))
        {
            rules.CheckPermissionsAndScope(row);
        }

        rules.CheckTenantKeepsAnAdministrator(matched);
        return new ImportPlan([], matched.ConvertAll(Plan), dateFormats, notices) { Damage = damage };
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

    private static int? IdOf(ParsedRow row) =>
        int.TryParse(row.Values[PersonField.UserId], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>R-SEC-1 and the seed: a value in QM Views anywhere in the file needs Edit QM Views for the whole import.</summary>
    private static CsvProblem? QmViewsNeedPermission(List<ParsedRow> rows, Dictionary<PersonField, int> indexes, AdministratorProfile administrator)
    {
        if (administrator.Has(Permissions.EditQmViews) || !indexes.TryGetValue(PersonField.QmViews, out var index))
        {
            return null;
        }

        var lines = rows.Where(r => r.RawValues.Length > index && !string.IsNullOrWhiteSpace(r.RawValues[index])).Select(r => r.Line).Take(6).ToList();
        if (lines.Count == 0)
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
