namespace UserAdmin.Core.People;

/// <summary>A user as stored, in people.csv terms, with what import needs besides the values.</summary>
public sealed record StoredPerson(
    int Id,
    Guid Version,
    int? TeamId,
    int? MemberGroupId,
    IReadOnlyList<int> RoleIds,
    PersonRecord Values);
