using System.Globalization;
using System.Text;
using CsvHelper;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-14 (first half): every row's outcome as CSV, written with the import's transaction so that it says what
/// was committed — line, User ID (a created user's new one), outcome, and the fields changed or the errors. Written
/// like the other reports: people.csv's CSV settings, every cell through the formula guard (R-EXP-4).
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
        var text = new StringBuilder();
        using (var writer = new StringWriter(text, CultureInfo.InvariantCulture))
        using (var csv = new CsvWriter(writer, PeopleCsvExport.CsvSettings()))
        {
            foreach (var header in Headers)
            {
                csv.WriteField(header);
            }

            csv.NextRecord();
            foreach (var row in plan.Rows)
            {
                var (userId, outcome, details) = Outcome(row, createdIds, deleted);
                csv.WriteField(row.Line.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(userId?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(outcome);
                csv.WriteField(CsvFormulaGuard.Neutralise(details));
                csv.NextRecord();
            }
        }

        return text.ToString();
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
