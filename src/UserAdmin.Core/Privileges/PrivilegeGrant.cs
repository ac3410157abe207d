namespace UserAdmin.Core.Privileges;

/// <summary>The privilege fields of a user (DESIGN 2.1): the ones an administrator gives or takes.</summary>
public enum PrivilegeField
{
    Roles,
    FullScope,
    ScopeTeams,
    ScopeGroups,
}

/// <summary>A user's privilege fields as ids: what they have, or what a change would leave them with.</summary>
public sealed record PrivilegeGrant(
    IReadOnlyCollection<int> RoleIds,
    bool FullScope,
    IReadOnlyCollection<int> ScopeTeamIds,
    IReadOnlyCollection<int> ScopeGroupIds)
{
    public static readonly PrivilegeGrant None = new([], false, [], []);

    /// <summary>The privilege fields of a people.csv record, by id.</summary>
    public static PrivilegeGrant Of(People.PersonRecord values, People.PeopleReferenceData references)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(references);
        return new(
            People.PersonRecord.SplitList(values[People.PersonField.Roles]).Select(name => references.Roles.Find(name)!.Id).ToList(),
            values[People.PersonField.FullScope] == People.PersonRecord.True,
            People.PersonRecord.SplitList(values[People.PersonField.ScopeTeams]).Select(name => references.Teams.Find(name)!.Id).ToList(),
            People.PersonRecord.SplitList(values[People.PersonField.ScopeGroups]).Select(name => references.Groups.Find(name)!.Id).ToList());
    }

    public bool SameAs(PrivilegeGrant other, PrivilegeField field)
    {
        ArgumentNullException.ThrowIfNull(other);
        return field switch
        {
            PrivilegeField.Roles => RoleIds.ToHashSet().SetEquals(other.RoleIds),
            PrivilegeField.FullScope => FullScope == other.FullScope,
            PrivilegeField.ScopeTeams => ScopeTeamIds.ToHashSet().SetEquals(other.ScopeTeamIds),
            _ => ScopeGroupIds.ToHashSet().SetEquals(other.ScopeGroupIds),
        };
    }
}

public enum GrantRefusalKind
{
    /// <summary>Nobody changes their own privileges by import.</summary>
    OwnPrivileges,

    /// <summary>Granting, removing or editing a tenant administrator needs a tenant administrator (R-SEC-3).</summary>
    TenantAdministratorOnly,

    /// <summary>The administrator would give something they do not hold themselves.</summary>
    NotHeld,

    /// <summary>The user holds a permission or a view wider than the administrator's.</summary>
    UserHoldsMore,
}

/// <summary>Why a change of privileges is refused: the field, a kind the code can branch on, and words for the administrator.</summary>
public sealed record GrantRefusal(PrivilegeField Field, GrantRefusalKind Kind, string Message);
