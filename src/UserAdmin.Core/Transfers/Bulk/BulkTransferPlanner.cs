using System.Globalization;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Transfers.Bulk;

/// <summary>
/// Reads and checks a bulk transfer file (R-BLK-2, R-BLK-3): only the first two columns are transfer
/// input; Email and Login, when present, only serve to catch an edited From User ID; a row with an
/// empty To User ID is ignored; every problem is reported on its row with its line number.
/// </summary>
public sealed class BulkTransferPlanner(UserAdminDbContext db, UserViewScope scope, TransferRules rules, TransferEngine engine, TransferHistory history)
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

        var (rows, ignored) = BulkRow.Read(document);
        if (rows.Count > TransferRunStarter.MaxBulkPairs)
        {
            return new BulkPlan([CsvProblem.OfFile(
                $"The file has {rows.Count:N0} rows with a To User ID; one bulk transfer takes at most {TransferRunStarter.MaxBulkPairs:N0} pairs. Split it into several files and run them one after another.")], [], ignored);
        }

        BulkRowConflicts.Check(rows);
        var users = await UsersAsync(administrator, rows, cancellationToken).ConfigureAwait(false);
        await CheckRulesAsync(administrator, rows, cancellationToken).ConfigureAwait(false);
        await new EditedFromUserCheck(db).CheckAsync(administrator, rows, cancellationToken).ConfigureAwait(false);
        var valid = rows.Where(r => r.Errors.Count == 0).ToList();
        var impacts = await engine.ImpactAsync(valid.ConvertAll(r => new TransferPair(r.Source!.Value, r.Target!.Value)), cancellationToken).ConfigureAwait(false);
        var impactByLine = valid.Zip(impacts).ToDictionary(p => p.First.Line, p => p.Second);
        var earlier = await history.EarlierTransfersAsync(valid.Select(r => r.Source!.Value), cancellationToken).ConfigureAwait(false);
        var pairs = rows.ConvertAll(r =>
        {
            var impact = impactByLine.GetValueOrDefault(r.Line);
            var target = r.Target is { } t && users.TryGetValue(t, out var user) ? user.DisplayName : "";
            return new BulkPairRow(r.Line, r.Source, Label(r.Source, r.SourceText, users), r.Target, Label(r.Target, r.TargetText, users), r.Errors)
            {
                RowsMoved = impact?.RowsMoved ?? 0,
                TargetRowsDeleted = impact?.TargetRowsDeleted ?? 0,
                Destroyed = impact is null ? [] : impact.DestroyedWithoutReplacement.Select(c => ImpactWords.Destroyed(c, target)).ToList(),
                Earlier = r.Errors.Count == 0 ? earlier.GetValueOrDefault(r.Source!.Value) : null,
            };
        });
        return new BulkPlan([], pairs, ignored);
    }

    private async Task CheckRulesAsync(AdministratorProfile administrator, List<BulkRow> rows, CancellationToken cancellationToken)
    {
        var checkable = rows.Where(r => r.Source is not null && r.Target is not null).ToList();
        var reasons = await rules.CheckAsync(administrator, checkable.ConvertAll(r => new TransferPair(r.Source!.Value, r.Target!.Value)), cancellationToken).ConfigureAwait(false);
        foreach (var (row, rowReasons) in checkable.Zip(reasons))
        {
            foreach (var reason in rowReasons)
            {
                row.Errors.Add(reason.Kind == TransferRefusalKind.TargetMissing
                    ? new CsvProblem(row.Line, BulkTransferExport.FromHeader, row.TargetText,
                        $"From User ID {row.Target} is not a user. This column holds the row's own user and must not be edited; enter the other user's id in To User ID.")
                    : new CsvProblem(row.Line, null, null, reason.Message));
            }
        }
    }

    private async Task<Dictionary<int, User>> UsersAsync(AdministratorProfile administrator, List<BulkRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.SelectMany(r => new[] { r.Source, r.Target }).OfType<int>().Distinct().ToList();
        var users = new Dictionary<int, User>();
        foreach (var chunk in ids.Chunk(IdsPerQuery))
        {
            var found = await scope.VisibleUsers(administrator).AsNoTracking()
                .Where(u => chunk.Contains(u.Id))
                .Select(u => new User { Id = u.Id, FirstName = u.FirstName, LastName = u.LastName })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            foreach (var user in found)
            {
                users[user.Id] = user;
            }
        }

        return users;
    }

    /// <summary>A <see cref="UserLabel"/> for users in the view; just the id (or the text as typed) otherwise, so nothing outside the view is named.</summary>
    private static string Label(int? id, string text, Dictionary<int, User> users) =>
        id is { } value ? (users.TryGetValue(value, out var user) ? UserLabel.Of(user) : UserLabel.Unnamed(value)) : $"\"{text}\"";

    internal static string Lines(IEnumerable<BulkRow> rows) => string.Join(", ", rows.Select(r => r.Line.ToString(CultureInfo.InvariantCulture)));
}
