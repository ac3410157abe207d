using System.Globalization;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-11, the first of the planner's two passes over the file: it reads every record once for what the
/// rules across rows need, and keeps only that — where each User ID, Email and Login is (duplicates,
/// R-IMP-6), which emails and logins matched users give up (so another row may take them), the date
/// columns' figures (detect, R-IMP-12), the lines with QM Views (R-SEC-1), and the few rows that touch an
/// active tenant administrator (R-SEC-3). The second pass then plans the file chunk by chunk.
/// </summary>
internal sealed class ImportFileKeys
{
    private static readonly Dictionary<PersonField, DateFormat> NoDates = [];

    private ImportFileKeys(DateColumns dates) => Dates = dates;

    public DuplicatesInFile Duplicates { get; } = new();

    /// <summary>The keys (field, normalised value) that matched users give up: another row may take them (R-IMP-6).</summary>
    public HashSet<(PersonField, string)> Released { get; } = [];

    public DateColumns Dates { get; }

    /// <summary>The first lines with a value in QM Views (at most six), when that column is mapped.</summary>
    public List<int> QmViewsLines { get; } = [];

    /// <summary>The records that match an active tenant administrator: only they can take the tenant's last one away.</summary>
    public List<CsvRecord> AdministratorRows { get; } = [];

    public static async Task<ImportFileKeys> ReadAsync(
        IEnumerable<CsvRecord> records, ImportMapping mapping, IReadOnlyDictionary<PersonField, int> indexes, CellReader cells, PeopleKeys people,
        DamagedCellsChoice damagedCells, int chunkRows, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(people);
        var keys = new ImportFileKeys(new DateColumns(mapping, indexes));
        var keyIndexes = indexes.Where(i => i.Key is PersonField.UserId or PersonField.Email or PersonField.Login).ToDictionary(i => i.Key, i => i.Value);
        var qmViews = indexes.TryGetValue(PersonField.QmViews, out var q) ? q : -1;
        var matchById = mapping.IsMapped(PersonField.UserId);
        foreach (var chunk in records.Chunk(chunkRows))
        {
            var rows = new List<(CsvRecord Record, ParsedRow Row)>(chunk.Length);
            foreach (var record in chunk)
            {
                keys.Dates.Add(record);
                if (qmViews >= 0 && keys.QmViewsLines.Count < 6 && record.Values.Length > qmViews && !string.IsNullOrWhiteSpace(record.Values[qmViews]))
                {
                    keys.QmViewsLines.Add(record.Line);
                }

                var row = ParsedRow.Read(record, mapping, keyIndexes, NoDates, cells);
                keys.Duplicates.Add(row);
                rows.Add((record, row));
            }

            var targets = await TargetsAsync(rows.ConvertAll(r => r.Row), matchById, people, cancellationToken).ConfigureAwait(false);
            foreach (var (record, row) in rows)
            {
                if (TargetOf(row, matchById, targets) is not { } target)
                {
                    continue;
                }

                if (people.ActiveTenantAdministrators.Contains(target.Id))
                {
                    keys.AdministratorRows.Add(record);
                }

                keys.NoteKeysGivenUp(row, target, mapping, keyIndexes, damagedCells);
            }
        }

        keys.Duplicates.Seal();
        return keys;
    }

    /// <summary>The visible users a chunk's rows may update, by id and by normalised email.</summary>
    private static async Task<Targets> TargetsAsync(List<ParsedRow> rows, bool matchById, PeopleKeys people, CancellationToken cancellationToken)
    {
        var found = matchById
            ? await people.VisibleAsync(rows.Select(IdOf).OfType<int>().Where(id => id != 0).Distinct().ToList(), [], cancellationToken).ConfigureAwait(false)
            : await people.VisibleAsync([], rows.Select(r => r.Values[PersonField.Email]).OfType<string>().Select(User.NormalizeKey).Distinct(StringComparer.Ordinal).ToList(), cancellationToken).ConfigureAwait(false);
        return new Targets(found.ToDictionary(u => u.Id), found.ToDictionary(u => u.NormalizedEmail, StringComparer.Ordinal));
    }

    /// <summary>The visible user a row updates, as <see cref="ImportRowRules.Match"/> finds them (R-IMP-4).</summary>
    private static VisibleUser? TargetOf(ParsedRow row, bool matchById, Targets targets)
    {
        if (matchById)
        {
            return IdOf(row) is { } id && id != 0 ? targets.ById.GetValueOrDefault(id) : null;
        }

        return row.Values[PersonField.Email] is { } email ? targets.ByEmail.GetValueOrDefault(User.NormalizeKey(email)) : null;
    }

    /// <summary>The row's User ID as a number, null when blank.</summary>
    internal static int? IdOf(ParsedRow row) =>
        int.TryParse(row.Values[PersonField.UserId], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>
    /// The row's email and login after the import (an unmapped Login is cleared, R-IMP-5; a flagged cell keeps its
    /// stored value when the administrator chose so, R-IMP-13) against the stored ones.
    /// </summary>
    private void NoteKeysGivenUp(ParsedRow row, VisibleUser stored, ImportMapping mapping, Dictionary<PersonField, int> keyIndexes, DamagedCellsChoice damagedCells)
    {
        foreach (var field in ImportRowRules.UniqueKeys)
        {
            var before = field == PersonField.Email ? stored.Email : stored.Login;
            var after = mapping.IsMapped(field) ? row.Values[field] : null;
            if (damagedCells == DamagedCellsChoice.KeepStoredValues && keyIndexes.TryGetValue(field, out var index))
            {
                var raw = row.RawValues.Length > index ? row.RawValues[index].Trim() : "";
                if (SpreadsheetDamage.KindOf(PersonFields.Of(field), before, after, raw) is not null)
                {
                    after = before;
                }
            }

            if (ImportRowRules.KeyGivenUp(field, before, after) is { } released)
            {
                Released.Add(released);
            }
        }
    }

    private sealed record Targets(Dictionary<int, VisibleUser> ById, Dictionary<string, VisibleUser> ByEmail);
}
