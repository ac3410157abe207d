namespace UserAdmin.Core.Users;

/// <summary>
/// R-TRF-9, R-BLK-2: how a user is named wherever a pair is shown, "Name (id)". The one home of that
/// format: pages, messages, history and downloads all call it.
/// </summary>
public static class UserLabel
{
    public static string Of(string firstName, string lastName, int id) => Of($"{firstName} {lastName}", id);

    public static string Of(string name, int id) => $"{name} ({id})";

    public static string Of(User user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return Of(user.FirstName, user.LastName, user.Id);
    }

    /// <summary>A user the administrator may not see (or who does not exist) is named by id only.</summary>
    public static string Unnamed(int id) => $"user {id}";
}
