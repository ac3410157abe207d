using System.Globalization;
using NodaTime;
using UserAdmin.Core.Privileges;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>A parsed row with the user it updates (none for a new user) and the record it would leave behind.</summary>
internal sealed class MatchedRow(ParsedRow parsed, StoredPerson? existing, PersonRecord? final)
{
    public ParsedRow Parsed { get; } = parsed;

    public StoredPerson? Existing { get; } = existing;

    /// <summary>Every field after the import; null when the row cannot be matched.</summary>
    public PersonRecord? Final { get; } = final;

    public bool IsValid => Parsed.Problems.Count == 0 && Final is not null;
}

/// <summary>
/// The rules of R-IMP-4..6 and R-SEC-1..3, 5, 6 that need more than one cell: matching, duplicates inside
/// the file, unique emails and logins, permissions, the view, and the last tenant administrator.
/// </summary>
internal sealed class ImportRowRules(ImportMapping mapping, AdministratorProfile administrator, PeopleReferenceData references, ExistingPeople existing, LocalDate today)
{
    private readonly GrantRules _grants = new(administrator, references);

    /// <summary>R-IMP-4: User ID 0 creates, another number updates a user in the view; without User ID, Email matches.</summary>
    public MatchedRow Match(ParsedRow row, bool matchById)
    {
        if (row.Problems.Count > 0 && matchById && row.Values[PersonField.UserId] is null)
        {
            return new MatchedRow(row, null, null);
        }

        StoredPerson? target = null;
        if (matchById)
        {
            var idText = row.Values[PersonField.UserId];
            if (idText is null)
            {
                row.AddProblem(PersonField.UserId, mapping, "User ID is blank. A new user's User ID must be set to 0 (zero); an existing user's must be their number.");
                return new MatchedRow(row, null, null);
            }

            var id = int.Parse(idText, CultureInfo.InvariantCulture);
            if (id != 0 && !existing.ById.TryGetValue(id, out target))
            {
                row.AddProblem(PersonField.UserId, mapping, $"there is no user with User ID {id} in your view. Use 0 (zero) to create a new user.");
                return new MatchedRow(row, null, null);
            }
        }
        else if (row.Values[PersonField.Email] is { } email)
        {
            target = existing.ByEmail.GetValueOrDefault(User.NormalizeKey(email));
        }

        return new MatchedRow(row, target, FinalRecord(row, target));
    }

    /// <summary>R-IMP-5: mapped fields take the file's value (blank clears); unmapped fields are cleared.</summary>
    private PersonRecord FinalRecord(ParsedRow row, StoredPerson? target)
    {
        var final = new PersonRecord();
        foreach (var field in PersonFields.All)
        {
            final[field.Field] = field.Kind == PersonFieldKind.Boolean ? PersonRecord.False : null;
            if (mapping.IsMapped(field.Field))
            {
                final[field.Field] = row.Values[field.Field] ?? final[field.Field];
            }
        }

        // Without Edit QM Views an administrator cannot change QM Views at all, so an unmapped column leaves them alone.
        if (!mapping.IsMapped(PersonField.QmViews) && !administrator.Has(Permissions.EditQmViews))
        {
            final[PersonField.QmViews] = target?.Values[PersonField.QmViews];
        }

        final[PersonField.UserId] = target?.Id.ToString(CultureInfo.InvariantCulture);
        foreach (var required in PersonFields.All.Where(f => f.IsRequired && final[f.Field] is null))
        {
            if (!row.Problems.Exists(p => p.Column == mapping.ColumnOf(required.Field)))
            {
                row.AddProblem(required.Field, mapping, $"{required.Header} is required and is blank.");
            }
        }

        if (final[PersonField.CompanyStartDate] is { } start && final[PersonField.CompanyEndDate] is { } end && string.CompareOrdinal(end, start) < 0)
        {
            row.AddProblem(PersonField.CompanyEndDate, mapping, $"Company End Date {end} is before Company Start Date {start}.");
        }

        return final;
    }

    /// <summary>The two keys a row can take from, or give up to, another row of the file.</summary>
    public static readonly PersonField[] UniqueKeys = [PersonField.Email, PersonField.Login];

    /// <summary>R-IMP-6: the key a matched user gives up when the row changes it (ignoring case), which another row may then take; null when kept.</summary>
    public static (PersonField Field, string Key)? KeyGivenUp(PersonField field, string? stored, string? final) =>
        stored is not null && !string.Equals(stored, final, StringComparison.OrdinalIgnoreCase) ? (field, User.NormalizeKey(stored)) : null;

    /// <summary>R-IMP-6: an email or login taken by another user, unless that user's own row (anywhere in the file) gives it up.</summary>
    public void CheckKeysAreFree(IEnumerable<MatchedRow> rows, KeyOwners owners, IReadOnlySet<(PersonField, string)> released)
    {
        ArgumentNullException.ThrowIfNull(owners);
        ArgumentNullException.ThrowIfNull(released);
        foreach (var row in rows.Where(r => r.Final is not null))
        {
            CheckKeyIsFree(row, PersonField.Email, owners.Emails, released);
            CheckKeyIsFree(row, PersonField.Login, owners.Logins, released);
        }
    }

    private void CheckKeyIsFree(MatchedRow row, PersonField field, Dictionary<string, int> owners, IReadOnlySet<(PersonField, string)> released)
    {
        if (row.Final![field] is not { } value)
        {
            return;
        }

        var key = User.NormalizeKey(value);
        if (owners.TryGetValue(key, out var owner) && owner != row.Existing?.Id && !released.Contains((field, key)))
        {
            row.Parsed.AddProblem(field, mapping, $"the {PersonFields.Of(field).Header} \"{value}\" already belongs to another user; it must be unique.");
        }
    }

    /// <summary>R-SEC-1, R-SEC-2, R-SEC-3 and R-SEC-5 for one row.</summary>
    public void CheckPermissionsAndScope(MatchedRow row)
    {
        if (row.Final is not { } final)
        {
            return;
        }

        var before = row.Existing;
        var editsUser = before is null || PersonFields.All.Any(f => f.Field != PersonField.UserId && !string.Equals(before.Values[f.Field], final[f.Field], StringComparison.Ordinal));
        foreach (var refusal in _grants.Check(before?.Id, before is null ? null : GrantOf(before.Values), GrantOf(final), editsUser))
        {
            row.Parsed.AddProblem(FieldOf(refusal.Field), mapping, refusal.Message);
        }

        if (!administrator.Has(Permissions.EditQmViews) && (before?.Values[PersonField.QmViews] ?? null) != final[PersonField.QmViews])
        {
            row.Parsed.AddProblem(PersonField.QmViews, mapping, "changing QM Views needs the Edit QM Views permission.");
        }

        var teamId = final[PersonField.Team] is { } team ? references.Teams.Find(team)?.Id : null;
        var groupId = final[PersonField.MemberGroup] is { } group ? references.Groups.Find(group)?.Id : null;
        if (!UserViewScope.Sees(administrator, teamId, groupId))
        {
            row.Parsed.AddProblem(PersonField.Team, mapping,
                "the user would be outside your view: their Team or Member Group must be one of your scope teams or scope groups.");
        }
    }

    private PrivilegeGrant GrantOf(PersonRecord values) => PrivilegeGrant.Of(values, references);

    private static PersonField FieldOf(PrivilegeField field) => field switch
    {
        PrivilegeField.Roles => PersonField.Roles,
        PrivilegeField.FullScope => PersonField.FullScope,
        PrivilegeField.ScopeTeams => PersonField.ScopeTeams,
        _ => PersonField.ScopeGroups,
    };

    /// <summary>R-SEC-3: a valid row that takes an active tenant administrator's ability away (the role, or activity).</summary>
    public bool LosesAnAdministrator(MatchedRow row) =>
        row.IsValid && row.Existing is { } e && existing.ActiveTenantAdministrators.Contains(e.Id) && !IsActiveAdministrator(row);

    /// <summary>R-SEC-3: a valid row that makes a user who is not one an active tenant administrator.</summary>
    public bool GainsAnAdministrator(MatchedRow row) =>
        row.IsValid && (row.Existing is null || !existing.ActiveTenantAdministrators.Contains(row.Existing.Id)) && IsActiveAdministrator(row);

    /// <summary>R-SEC-3: whether rows that lose these many administrators and gain these many leave the tenant without one.</summary>
    public bool LeavesNoAdministrator(int losing, int gaining) =>
        losing > 0 && existing.ActiveTenantAdministrators.Count - losing + gaining <= 0;

    /// <summary>R-SEC-3: the error of a row that would leave the tenant without an active tenant administrator.</summary>
    public void RefuseLastAdministrator(MatchedRow row) =>
        row.Parsed.AddProblem(PersonField.Roles, mapping,
            "this row would leave the tenant without an active tenant administrator, one who can sign in (it removes the role or deactivates the user, and the other tenant administrators are deactivated or have no password). Keep at least one.");

    /// <summary>R-SEC-6 after the import: a tenant administrator, active, with a password (an import never sets one, so a new user has none).</summary>
    private bool IsActiveAdministrator(MatchedRow row) =>
        row.Existing is { } user && existing.WithPassword.Contains(user.Id)
        && RoleIdsOf(row.Final!).Any(references.TenantAdministratorRoleIds.Contains)
        && ImportPlanner.IsActive(row.Final![PersonField.Deactivated], today);

    private List<int> RoleIdsOf(PersonRecord final) =>
        PersonRecord.SplitList(final[PersonField.Roles]).Select(name => references.Roles.Find(name)!.Id).ToList();
}
