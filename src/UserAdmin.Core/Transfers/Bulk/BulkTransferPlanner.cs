using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Transfers.Bulk;

/// <summary>
/// Reads and checks a bulk transfer file (R-BLK-2, R-BLK-3): only the first two columns count; a row
/// with an empty To User ID is ignored; every problem is reported on its row with its line number.
/// </summary>
public sealed class BulkTransferPlanner(UserViewScope scope, TransferRules rules, TransferEngine engine)
{
    private const int IdsPerQuery = 500;

    public async Task<BulkPlan> PlanAsync(CsvDocument document, AdministratorProfile administrator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(administrator);
        if (document.Headers.Count < 2
            || ImportMapping.Normalise(document.Headers[0]) != ImportMapping.Normalise(BulkTransferExport.FromHeader)
            || ImportMapping.Normalise(document.Headers[1]) != ImportMapping.Normalise(BulkTransferExport.ToHeader))
        {
            return new BulkPlan([new CsvProblem(1, null, string.Join(", ", document.Headers.Take(2)),
                $"the first two columns must be \"{BulkTransferExport.FromHeader}\" and \"{BulkTransferExport.ToHeader}\", as in the downloaded export of all users; this file starts with \"{string.Join("\", \"", document.Headers.Take(2))}\".")], [], 0);
        }

        var (rows, ignored) = ReadRows(document);
        if (rows.Count > TransferRunStarter.MaxBulkPairs)
        {
            return new BulkPlan([CsvProblem.OfFile(
                $"The file has {rows.Count:N0} rows with a To User ID; one bulk transfer takes at most {TransferRunStarter.MaxBulkPairs:N0} pairs. Split it into several files and run them one after another.")], [], ignored);
        }

        CheckAcrossRows(rows);
        var users = await NamesAsync(administrator, rows.SelectMany(r => new[] { r.Source, r.Target }).OfType<int>().Distinct().ToList(), cancellationToken).ConfigureAwait(false);
        await CheckRulesAsync(administrator, rows, cancellationToken).ConfigureAwait(false);
        var valid = rows.Where(r => r.Errors.Count == 0).ToList();
        var impacts = await engine.ImpactAsync(valid.ConvertAll(r => new TransferPair(r.Source!.Value, r.Target!.Value)), cancellationToken).ConfigureAwait(false);
        var impactByLine = valid.Zip(impacts).ToDictionary(p => p.First.Line, p => p.Second);
        var pairs = rows.ConvertAll(r => new BulkPairRow(r.Line, r.Source, Label(r.Source, r.SourceText, users), r.Target, Label(r.Target, r.TargetText, users), r.Errors)
        {
            RowsMoved = impactByLine.TryGetValue(r.Line, out var impact) ? impact.RowsMoved : 0,
            TargetRowsDeleted = impactByLine.TryGetValue(r.Line, out var same) ? same.TargetRowsDeleted : 0,
        });
        return new BulkPlan([], pairs, ignored);
    }

    private static (List<Row> Rows, int Ignored) ReadRows(CsvDocument document)
    {
        var rows = new List<Row>();
        var ignored = 0;
        foreach (var record in document.Rows())
        {
            var fromText = record.Values.ElementAtOrDefault(0)?.Trim() ?? "";
            var toText = record.Values.ElementAtOrDefault(1)?.Trim() ?? "";
            if (toText.Length == 0)
            {
                ignored++;
                continue;
            }

            var row = new Row(record.Line, fromText, toText);
            row.Target = ReadId(row, BulkTransferExport.FromHeader, fromText, "From User ID is blank: it is the row's own user and must not be edited.");
            row.Source = ReadId(row, BulkTransferExport.ToHeader, toText, null);
            rows.Add(row);
        }

        return (rows, ignored);
    }

    private static int? ReadId(Row row, string column, string text, string? blankMessage)
    {
        if (text.Length == 0)
        {
            row.Errors.Add(new CsvProblem(row.Line, column, text, blankMessage!));
            return null;
        }

        // Spreadsheets may turn 19 into 19.0 (or 19,0 where the comma is the decimal mark); nothing else is accepted.
        var digits = text.EndsWith(".0", StringComparison.Ordinal) || text.EndsWith(",0", StringComparison.Ordinal) ? text[..^2] : text;
        if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }

        row.Errors.Add(new CsvProblem(row.Line, column, text, $"\"{text}\" is not a user id: expected the number of a user, such as 19."));
        return null;
    }

    /// <summary>R-BLK-3 across rows: one source to one target, one target from one source, nobody on both sides.</summary>
    private static void CheckAcrossRows(List<Row> rows)
    {
        var sources = rows.Where(r => r.Source is not null).ToLookup(r => r.Source!.Value);
        var targets = rows.Where(r => r.Target is not null).ToLookup(r => r.Target!.Value);
        foreach (var row in rows)
        {
            if (row.Source is { } source && sources[source].Count() > 1)
            {
                row.Errors.Add(new CsvProblem(row.Line, BulkTransferExport.ToHeader, row.SourceText,
                    $"user {source}'s data is to move on lines {Lines(sources[source])}: one source user's data can move to only one target user."));
            }

            if (row.Target is { } target && targets[target].Count() > 1)
            {
                row.Errors.Add(new CsvProblem(row.Line, BulkTransferExport.FromHeader, row.TargetText,
                    $"user {target} receives data on lines {Lines(targets[target])}: a target user can receive the data of only one source user."));
            }

            if (row.Source is { } both && targets.Contains(both))
            {
                row.Errors.Add(new CsvProblem(row.Line, BulkTransferExport.ToHeader, row.SourceText,
                    $"user {both} is a source here and a target on line {Lines(targets[both])}: a user cannot both give and receive data in the same bulk."));
            }
        }
    }

    private async Task CheckRulesAsync(AdministratorProfile administrator, List<Row> rows, CancellationToken cancellationToken)
    {
        var checkable = rows.Where(r => r.Source is not null && r.Target is not null).ToList();
        var reasons = await rules.CheckAsync(administrator, checkable.ConvertAll(r => new TransferPair(r.Source!.Value, r.Target!.Value)), cancellationToken).ConfigureAwait(false);
        foreach (var (row, rowReasons) in checkable.Zip(reasons))
        {
            foreach (var reason in rowReasons)
            {
                var editedFrom = reason.StartsWith("The target user (ID", StringComparison.Ordinal) && reason.EndsWith("does not exist.", StringComparison.Ordinal);
                row.Errors.Add(editedFrom
                    ? new CsvProblem(row.Line, BulkTransferExport.FromHeader, row.TargetText,
                        $"From User ID {row.Target} is not a user. This column holds the row's own user and must not be edited; enter the other user's id in To User ID.")
                    : new CsvProblem(row.Line, null, null, reason));
            }
        }

    }

    private async Task<Dictionary<int, string>> NamesAsync(AdministratorProfile administrator, List<int> ids, CancellationToken cancellationToken)
    {
        var names = new Dictionary<int, string>();
        foreach (var chunk in ids.Chunk(IdsPerQuery))
        {
            var found = await scope.VisibleUsers(administrator).AsNoTracking()
                .Where(u => chunk.Contains(u.Id))
                .Select(u => new { u.Id, u.FirstName, u.LastName })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var user in found)
            {
                names[user.Id] = $"{user.FirstName} {user.LastName}";
            }
        }

        return names;
    }

    /// <summary>"Name (id)" for users in the view; just the id (or the text as typed) otherwise, so nothing outside the view is named.</summary>
    private static string Label(int? id, string text, Dictionary<int, string> names) =>
        id is { } value ? (names.TryGetValue(value, out var name) ? $"{name} ({value})" : $"user {value}") : $"\"{text}\"";

    private static string Lines(IEnumerable<Row> rows) => string.Join(", ", rows.Select(r => r.Line.ToString(CultureInfo.InvariantCulture)));

    private sealed class Row(int line, string targetText, string sourceText)
    {
        public int Line { get; } = line;

        public string TargetText { get; } = targetText;

        public string SourceText { get; } = sourceText;

        public int? Source { get; set; }

        public int? Target { get; set; }

        public List<CsvProblem> Errors { get; } = [];
    }
}
