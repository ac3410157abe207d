using System.Globalization;
using NodaTime;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>What every chunk of one plan is read and checked with.</summary>
internal sealed record ChunkContext(
    ImportMapping Mapping,
    AdministratorProfile Administrator,
    PeopleReferenceData References,
    IReadOnlyDictionary<PersonField, int> Indexes,
    IReadOnlyDictionary<PersonField, DateFormat> DateFormats,
    CellReader Cells,
    DamagedCellsChoice DamagedCells,
    LocalDate Today,
    int ChunkRows);

/// <summary>
/// R-IMP-11, the planner's second pass: one chunk of records parsed, matched against the users of that chunk
/// only, and put through every rule, the rules across rows answered from the first pass (<see cref="ImportFileKeys"/>).
/// </summary>
internal sealed class ChunkPlanner(ChunkContext context, ImportFileKeys keys, PeopleKeys people, IQueryable<User> visible, PeopleReader reader)
{
    private HashSet<int> _lastAdministratorLines = [];

    /// <summary>Every row of the chunk with its user, its final values and all its errors, in file order.</summary>
    public async Task<List<MatchedRow>> PlanAsync(IReadOnlyList<CsvRecord> records, DamageFindings findings, CancellationToken cancellationToken)
    {
        var (rows, rules) = await CheckAsync(records, findings, cancellationToken).ConfigureAwait(false);
        foreach (var row in rows.Where(r => r.IsValid && _lastAdministratorLines.Contains(r.Parsed.Line)))
        {
            rules.RefuseLastAdministrator(row);
        }

        return rows;
    }

    /// <summary>
    /// R-SEC-3 across the file, before the second pass: the rows that would take away the tenant's last active
    /// tenant administrator. Only the rows matching an administrator can lose one; the rows that gain one are
    /// counted (one more pass) only when the losing rows would otherwise remove them all.
    /// </summary>
    public async Task FindLastAdministratorRowsAsync(IEnumerable<CsvRecord> allRecords, CancellationToken cancellationToken)
    {
        var losing = new List<int>();
        ImportRowRules? rules = null;
        foreach (var records in keys.AdministratorRows.Chunk(context.ChunkRows))
        {
            (var rows, rules) = await CheckAsync(records, new DamageFindings(), cancellationToken).ConfigureAwait(false);
            losing.AddRange(rows.Where(rules.LosesAnAdministrator).Select(r => r.Parsed.Line));
        }

        if (rules is null || !rules.LeavesNoAdministrator(losing.Count, gaining: 0))
        {
            return;
        }

        var gaining = 0;
        foreach (var records in allRecords.Chunk(context.ChunkRows))
        {
            (var rows, rules) = await CheckAsync(records, new DamageFindings(), cancellationToken).ConfigureAwait(false);
            gaining += rows.Count(rules.GainsAnAdministrator);
        }

        if (rules.LeavesNoAdministrator(losing.Count, gaining))
        {
            _lastAdministratorLines = [.. losing];
        }
    }

    private async Task<(List<MatchedRow> Rows, ImportRowRules Rules)> CheckAsync(IReadOnlyList<CsvRecord> records, DamageFindings findings, CancellationToken cancellationToken)
    {
        var mapping = context.Mapping;
        var parsed = records.Select(r => ParsedRow.Read(r, mapping, context.Indexes, context.DateFormats, context.Cells)).ToList();
        var matchById = mapping.IsMapped(PersonField.UserId);
        var existing = await ExistingPeople.ForChunkAsync(
            people, visible, reader, context.References,
            matchById ? parsed.Select(ImportFileKeys.IdOf).OfType<int>().Where(id => id > 0).Distinct().ToList() : [],
            matchById ? [] : parsed.Select(r => r.Values[PersonField.Email]).OfType<string>().Select(User.NormalizeKey).Distinct().ToList(),
            cancellationToken).ConfigureAwait(false);

        var rules = new ImportRowRules(mapping, context.Administrator, context.References, existing, context.Today);
        var rows = parsed.ConvertAll(row => rules.Match(row, matchById));
        SpreadsheetDamage.Inspect(mapping, context.Indexes, rows, context.DamagedCells, findings);
        keys.Duplicates.Check(rows, mapping);
        rules.CheckKeysAreFree(rows, await OwnersAsync(rows, cancellationToken).ConfigureAwait(false), keys.Released);
        foreach (var row in rows.Where(r => r.IsValid))
        {
            rules.CheckPermissionsAndScope(row);
        }

        return (rows, rules);
    }

    /// <summary>R-IMP-6: who holds the emails and logins the chunk's rows would leave.</summary>
    private Task<KeyOwners> OwnersAsync(List<MatchedRow> rows, CancellationToken cancellationToken)
    {
        var finals = rows.Select(r => r.Final).OfType<PersonRecord>().ToList();
        return people.OwnersAsync(KeysOf(finals, PersonField.Email), KeysOf(finals, PersonField.Login), cancellationToken);
    }

    private static List<string> KeysOf(List<PersonRecord> finals, PersonField field) =>
        finals.Select(f => f[field]).OfType<string>().Select(User.NormalizeKey).Distinct(StringComparer.Ordinal).ToList();
}
