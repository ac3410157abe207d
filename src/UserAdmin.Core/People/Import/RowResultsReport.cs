using System.Globalization;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-14 (first half): every row's outcome as CSV, written with the import's transaction so that it says what
/// was committed — line, User ID (a created user's new one), outcome, and the fields changed or the errors. Written
/// by <see cref="CsvDownload"/> like every other download (its settings, every cell through the formula guard, R-EXP-4).
/// </summary>
public static class RowResultsReport
{
    public static readonly string[] Headers = ["Line", "User ID", "Outcome", "Details"];

    /// <param name="createdIds">The new users' ids by normalised email.</param>
    /// <param name="deleted">Users a revert deleted (their rows are unchanged in its file).</param>
    public static string Write(ImportPlan plan, IReadOnlyDictionary<string, int> createdIds, IReadOnlyDictionary<int, Guid> deleted)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(createdIds);
        ArgumentNullException.ThrowIfNull(deleted);
        return CsvDownload.Text(Headers, report =>
        {
            foreach (var row in plan.Rows)
            {
                var (userId, outcome, details) = Outcome(row, createdIds, deleted);
                report.WriteRow([row.Line.ToString(CultureInfo.InvariantCulture), userId?.ToString(CultureInfo.InvariantCulture) ?? "", outcome, details]);
            }
        });
    }

    private static (int? UserId, string Outcome, string Details) Outcome(PlannedRow row, IReadOnlyDictionary<string, int> createdIds, IReadOnlyDictionary<int, Guid> deleted) => row.Kind switch
    {
        PlannedRowKind.New => (createdIds.GetValueOrDefault(User.NormalizeKey(row.Values![PersonField.Email]!)), "Created", ""),
        PlannedRowKind.Updated => (row.UserId, "Updated", "Changed: " + string.Join("; ", row.Changes.Select(c => PersonFields.Of(c.Field).Header))),
        PlannedRowKind.Unchanged when deleted.ContainsKey(row.UserId ?? 0) => (row.UserId, "Deleted", "Created by the reverted import; owned no data and never signed in"),
        PlannedRowKind.Unchanged => (row.UserId, "Unchanged", ""),
        _ => (row.UserId, "Skipped", string.Join(" | ", row.Problems.Select(p => p.ToString()))),
    };
}
