using UserAdmin.Core.Persistence;

namespace UserAdmin.Core.Transfers;

/// <summary>How many rows of each transferable data type a user owns (shown on /users/{id}).</summary>
public sealed class TransferableDataCounts(UserAdminDbContext db)
{
    /// <summary>One count per catalogue type, in catalogue order; a row naming the user in two columns counts once.</summary>
    public async Task<IReadOnlyList<OwnedRows>> ForUserAsync(int userId, CancellationToken cancellationToken = default)
    {
        var counts = new List<OwnedRows>(TransferCatalogue.All.Count);
        foreach (var type in TransferCatalogue.All)
        {
            counts.Add(new OwnedRows(type, await type.CountOwnedAsync(db, userId, cancellationToken).ConfigureAwait(false)));
        }

        return counts;
    }
}

/// <summary>The rows of one data type that name a user.</summary>
public sealed record OwnedRows(TransferableDataType Type, int Rows);
