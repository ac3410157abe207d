using UserAdmin.Core.Csv;

namespace UserAdmin.Core.Transfers.Bulk;

/// <summary>
/// R-BLK-3 across rows: one source to one target, one target from one source, nobody on both sides. As in
/// R-IMP-6, a conflict is an error on every row involved: in a chain A → B, B → C both rows are errors.
/// </summary>
internal static class BulkRowConflicts
{
    public static void Check(List<BulkRow> rows)
    {
        var sources = rows.Where(r => r.Source is not null).ToLookup(r => r.Source!.Value);
        var targets = rows.Where(r => r.Target is not null).ToLookup(r => r.Target!.Value);
        foreach (var row in rows)
        {
            if (row.Source is { } source && sources[source].Count() > 1)
            {
                row.Errors.Add(new CsvProblem(row.Line, BulkTransferExport.ToHeader, row.SourceText,
                    $"user {source}'s data is to move on lines {BulkTransferPlanner.Lines(sources[source])}: one source user's data can move to only one target user."));
            }

            if (row.Target is { } target && targets[target].Count() > 1)
            {
                row.Errors.Add(new CsvProblem(row.Line, BulkTransferExport.FromHeader, row.TargetText,
                    $"From User ID {target} is on lines {BulkTransferPlanner.Lines(targets[target])}: each user has one row, so a From User ID was probably edited; a target user can receive the data of only one source user."));
            }

            if (row.Source is { } giver && targets.Contains(giver) && targets[giver].Any(other => other != row))
            {
                row.Errors.Add(new CsvProblem(row.Line, BulkTransferExport.ToHeader, row.SourceText,
                    $"user {giver} is a source here and a target on line {BulkTransferPlanner.Lines(targets[giver].Where(other => other != row))}: a user cannot both give and receive data in the same bulk."));
            }

            if (row.Target is { } receiver && sources.Contains(receiver) && sources[receiver].Any(other => other != row))
            {
                row.Errors.Add(new CsvProblem(row.Line, BulkTransferExport.FromHeader, row.TargetText,
                    $"user {receiver} is a target here and a source on line {BulkTransferPlanner.Lines(sources[receiver].Where(other => other != row))}: a user cannot both give and receive data in the same bulk."));
            }
        }
    }
}
