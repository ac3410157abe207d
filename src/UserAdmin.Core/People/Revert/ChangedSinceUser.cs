using System.Text.Json;

namespace UserAdmin.Core.People.Revert;

/// <summary>
/// R-UNDO-2: a user of the import who changed after it (edited, by a later import, in a transfer, or
/// deleted). The revert leaves them as they are unless the administrator includes them; a deleted one cannot be.
/// </summary>
public sealed record ChangedSinceUser(int UserId, string Name, string Reason, bool CanBeIncluded, bool Included)
{
    public static string ToJson(IReadOnlyList<ChangedSinceUser> users) => JsonSerializer.Serialize(users);

    public static IReadOnlyList<ChangedSinceUser> FromJson(string json) => JsonSerializer.Deserialize<List<ChangedSinceUser>>(json) ?? [];
}
