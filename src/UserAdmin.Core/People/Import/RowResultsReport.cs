using System.Globalization;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-14 (first half): every row's outcome as CSV, written with the import's transaction so that it says what
/// was committed — line, User ID (a created user's new one), outcome, and the fields changed or the errors. Gathered
/// chunk by chunk as the plan streams (R-IMP-11), a short entry per row; written by <see cref="CsvDownload"/> like
/// every other download (its settings, every cell through the formula guard, R-EXP-4).
/// </summary>
/// <param name="deleted">Users a revert deletes (their rows are unchanged in its file, R-UNDO-2).</param>
public sealed class RowResultsReport(IReadOnlyDictionary<int, Guid> deleted)
{
    public static readonly string[] Headers = ["Line", "User ID", "Outcome", "Details"];

    private readonly List<Entry> _entries = [];

    // Bulk edits change the same few fields on every row: one details text per set of fields, not one per row.
    private readonly Dictionary<string, string> _changedDetails = new(StringComparer.Ordinal);

    /// <summary>Rows unchanged in the file whose users the revert deletes: not counted as unchanged.</summary>
    public int DeletedRows { get; private set; }

    public void Add(IEnumerable<PlannedRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            var entry = Outcome(row);
            DeletedRows += entry.Outcome == "Deleted" ? 1 : 0;
            _entries.Add(entry);
        }
    }

    /// <param name="createdIds">The new users' ids by normalised email, known once they are written.</param>
    public string Text(IReadOnlyDictionary<string, int> createdIds)
    {
        ArgumentNullException.ThrowIfNull(createdIds);
        return CsvDownload.Text(Headers, report =>
        {
            foreach (var entry in _entries)
            {
                var userId = entry.NewEmail is { } email ? createdIds.GetValueOrDefault(email) : entry.UserId;
                report.WriteRow([entry.Line.ToString(CultureInfo.InvariantCulture), userId?.ToString(CultureInfo.InvariantCulture) ?? "", entry.Outcome, entry.Details]);
            }
        });
    }

    private Entry Outcome(PlannedRow row) => row.Kind switch
    {
        PlannedRowKind.New => new(row.Line, null, "Created", "", User.NormalizeKey(row.Values![PersonField.Email]!)),
        PlannedRowKind.Updated => new(row.Line, row.UserId, "Updated", ChangedDetails(row.Changes)),
        PlannedRowKind.Unchanged when deleted.ContainsKey(row.UserId ?? 0) => new(row.Line, row.UserId, "Deleted", "Created by the reverted import; owned no data and never signed in"),
        PlannedRowKind.Unchanged => new(row.Line, row.UserId, "Unchanged", ""),
        _ => new(row.Line, row.UserId, "Skipped", string.Join(" | ", row.Problems.Select(p => p.ToString()))),
    };

    private string ChangedDetails(IReadOnlyList<FieldChange> changes)
    {
        var details = "Changed: " + string.Join("; ", changes.Select(c => PersonFields.Of(c.Field).Header));
        return _changedDetails.TryAdd(details, details) ? details : _changedDetails[details];
    }

    private sealed record Entry(int Line, int? UserId, string Outcome, string Details, string? NewEmail = null);
}
