using System.Globalization;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People;

/// <summary>
/// Reads users as <see cref="StoredPerson"/>s in pages ordered by id (keyset paging), with one query
/// per page for the users and one per link table, so that export and import read any number of
/// users with flat memory and no N+1 queries.
/// </summary>
public sealed class PeopleReader(UserAdminDbContext db)
{
    public const int PageSize = 2000;

    /// <summary>Every user of <paramref name="users"/>, page by page.</summary>
    public async IAsyncEnumerable<IReadOnlyList<StoredPerson>> ReadPagesAsync(
        IQueryable<User> users, PeopleReferenceData references, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(references);
        await foreach (var page in ReadPagesAsRead(users, cancellationToken).ConfigureAwait(false))
        {
            yield return page.Describe(references);
        }
    }

    /// <summary>
    /// Every user of <paramref name="users"/>, page by page as the database returns them, described later
    /// with <see cref="PeoplePage.Describe"/>: the export describes one page while the next is being read (P2).
    /// </summary>
    public async IAsyncEnumerable<PeoplePage> ReadPagesAsRead(
        IQueryable<User> users, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(users);
        var afterId = 0;
        while (true)
        {
            // The filter (the view, the ids or emails asked for) stays EF's; the columns are read with a plain reader (P2, ADR-0015).
            var ids = await users.AsNoTracking()
                .Where(u => u.Id > afterId)
                .OrderBy(u => u.Id)
                .Select(u => u.Id)
                .Take(PageSize)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            if (ids.Count == 0)
            {
                yield break;
            }

            yield return await ReadPageAsync(ids, cancellationToken).ConfigureAwait(false);
            afterId = ids[^1];
        }
    }

    private async Task<PeoplePage> ReadPageAsync(List<int> ids, CancellationToken cancellationToken)
    {
        int first = ids[0], last = ids[^1];

        // A page of neighbouring ids (an export) is one range; ids with gaps (a file's rows between new users) are asked for by
        // key, so that no user outside the page is read and described only to be dropped.
        var wanted = ids.ToHashSet();
        var users = last - first < ids.Count + (ids.Count / 8)
            ? (await FastReads.RangeAsync<User, StoredUser>(db, nameof(User.Id), first, last, StoredUser.Properties, StoredUser.Read, cancellationToken).ConfigureAwait(false)).FindAll(u => wanted.Contains(u.Id))
            : await FastReads.WithKeysAsync<User, StoredUser>(db, nameof(User.Id), ids, StoredUser.Properties, StoredUser.Read, cancellationToken).ConfigureAwait(false);
        users.Sort((a, b) => a.Id.CompareTo(b.Id));
        var roles = await LinksAsync<UserRole>(nameof(UserRole.RoleId), first, last, cancellationToken).ConfigureAwait(false);
        var scopeTeams = await LinksAsync<UserScopeTeam>(nameof(UserScopeTeam.TeamId), first, last, cancellationToken).ConfigureAwait(false);
        var scopeGroups = await LinksAsync<UserScopeGroup>(nameof(UserScopeGroup.GroupId), first, last, cancellationToken).ConfigureAwait(false);
        var qmViews = await LinksAsync<UserQmView>(nameof(UserQmView.QmViewId), first, last, cancellationToken).ConfigureAwait(false);
        var skills = (await FastReads.RangeAsync<SkillMapping, (int UserId, string Name)>(
                db, nameof(SkillMapping.UserId), first, last, [nameof(SkillMapping.UserId), nameof(SkillMapping.SkillName)], r => (r.IntegerAt(0), r.RequiredTextAt(1)), cancellationToken).ConfigureAwait(false))
            .ToLookup(s => s.UserId, s => s.Name);
        return new PeoplePage(users, roles, scopeTeams, scopeGroups, qmViews, skills);
    }

    private async Task<ILookup<int, int>> LinksAsync<TLink>(string otherProperty, int first, int last, CancellationToken cancellationToken) =>
        (await FastReads.RangeAsync<TLink, (int UserId, int OtherId)>(db, "UserId", first, last, ["UserId", otherProperty], r => (r.IntegerAt(0), r.IntegerAt(1)), cancellationToken).ConfigureAwait(false))
            .ToLookup(l => l.UserId, l => l.OtherId);

    public static string? IsoDate(LocalDate? date) => date is { } value ? DateFormat.YearMonthDayDash.Format(value) : null;

}

/// <summary>One page of users as read (their columns and link rows), not yet in people.csv's canonical text.</summary>
public sealed class PeoplePage
{
    private readonly List<StoredUser> _users;
    private readonly ILookup<int, int> _roles, _scopeTeams, _scopeGroups, _qmViews;
    private readonly ILookup<int, string> _skills;

    internal PeoplePage(List<StoredUser> users, ILookup<int, int> roles, ILookup<int, int> scopeTeams, ILookup<int, int> scopeGroups, ILookup<int, int> qmViews, ILookup<int, string> skills) =>
        (_users, _roles, _scopeTeams, _scopeGroups, _qmViews, _skills) = (users, roles, scopeTeams, scopeGroups, qmViews, skills);

    public int Count => _users.Count;

    /// <summary>Each user of the page, in id order, with the people.csv values the reference data names.</summary>
    public IReadOnlyList<StoredPerson> Describe(PeopleReferenceData references)
    {
        ArgumentNullException.ThrowIfNull(references);
        return _users.ConvertAll(user =>
        {
            var roleIds = _roles[user.Id].ToList();
            var values = user.Describe(references);
            values[PersonField.Roles] = PersonRecord.JoinList(roleIds.Select(references.Roles.NameOf));
            values[PersonField.ScopeTeams] = PersonRecord.JoinList(_scopeTeams[user.Id].Select(references.Teams.NameOf));
            values[PersonField.ScopeGroups] = PersonRecord.JoinList(_scopeGroups[user.Id].Select(references.Groups.NameOf));
            values[PersonField.QmViews] = PersonRecord.JoinList(_qmViews[user.Id].Select(references.QmViews.NameOf));
            values[PersonField.SkillMappings] = PersonRecord.JoinList(_skills[user.Id]);
            return new StoredPerson(user.Id, user.Version, user.TeamId, user.MemberGroupId, roleIds, values);
        });
    }
}

/// <summary>The columns of a user that people.csv shows, read by position from a plain data reader.</summary>
internal sealed record StoredUser(
    int Id, Guid Version, string FirstName, string LastName, string Email, string? Login, string? EmployeeId, string? AcdId, string? AcdServerId,
    DateOnly? Activated, DateOnly? Deactivated, DateOnly? CompanyStartDate, DateOnly? CompanyEndDate, DateOnly? DepartmentStartDate,
    string? DisplayTimeZone, string? SchedulingTimeZone, bool EnableScheduling, bool FullScope, string? Locale, int? Rank,
    int? TeamId, int? MemberGroupId, int? MaxStaffingGroupId, string? ScheduleReleaseProfile, string? WorkConditionProfile)
{
    public static readonly string[] Properties =
    [
        nameof(User.Id), nameof(User.Version), nameof(User.FirstName), nameof(User.LastName), nameof(User.Email), nameof(User.Login), nameof(User.EmployeeId),
        nameof(User.AcdId), nameof(User.AcdServerId), nameof(User.Activated), nameof(User.Deactivated), nameof(User.CompanyStartDate), nameof(User.CompanyEndDate),
        nameof(User.DepartmentStartDate), nameof(User.DisplayTimeZone), nameof(User.SchedulingTimeZone), nameof(User.EnableScheduling), nameof(User.FullScope),
        nameof(User.Locale), nameof(User.Rank), nameof(User.TeamId), nameof(User.MemberGroupId), nameof(User.MaxStaffingGroupId),
        nameof(User.ScheduleReleaseProfile), nameof(User.WorkConditionProfile),
    ];

    public static StoredUser Read(ReadRow r) => new(
        r.IntegerAt(0), r.UuidAt(1), r.RequiredTextAt(2), r.RequiredTextAt(3), r.RequiredTextAt(4), r.TextAt(5), r.TextAt(6), r.TextAt(7), r.TextAt(8),
        r.DateAt(9), r.DateAt(10), r.DateAt(11), r.DateAt(12), r.DateAt(13),
        r.TextAt(14), r.TextAt(15), r.FlagAt(16), r.FlagAt(17), r.TextAt(18), r.NumberAt(19),
        r.NumberAt(20), r.NumberAt(21), r.NumberAt(22), r.TextAt(23), r.TextAt(24));

    public PersonRecord Describe(PeopleReferenceData references) => new()
    {
        [PersonField.UserId] = Id.ToString(CultureInfo.InvariantCulture),
        [PersonField.FirstName] = FirstName,
        [PersonField.LastName] = LastName,
        [PersonField.Email] = Email,
        [PersonField.AcdId] = AcdId,
        [PersonField.AcdServerId] = AcdServerId,
        [PersonField.Activated] = IsoDate(Activated),
        [PersonField.CompanyEndDate] = IsoDate(CompanyEndDate),
        [PersonField.CompanyStartDate] = IsoDate(CompanyStartDate),
        [PersonField.Deactivated] = IsoDate(Deactivated),
        [PersonField.DepartmentStartDate] = IsoDate(DepartmentStartDate),
        [PersonField.DisplayTimeZone] = DisplayTimeZone,
        [PersonField.EmployeeId] = EmployeeId,
        [PersonField.EnableScheduling] = PersonRecord.Boolean(EnableScheduling),
        [PersonField.FullScope] = PersonRecord.Boolean(FullScope),
        [PersonField.Locale] = Locale,
        [PersonField.Login] = Login,
        [PersonField.MaxStaffingGroup] = MaxStaffingGroupId is { } maxStaffing ? references.Groups.NameOf(maxStaffing) : null,
        [PersonField.MemberGroup] = MemberGroupId is { } member ? references.Groups.NameOf(member) : null,
        [PersonField.Rank] = Rank?.ToString(CultureInfo.InvariantCulture),
        [PersonField.ScheduleReleaseProfile] = ScheduleReleaseProfile,
        [PersonField.SchedulingTimeZone] = SchedulingTimeZone,
        [PersonField.Team] = TeamId is { } team ? references.Teams.NameOf(team) : null,
        [PersonField.WorkConditionProfile] = WorkConditionProfile,
    };

    private static string? IsoDate(DateOnly? date) => date is { } value ? PeopleReader.IsoDate(LocalDate.FromDateOnly(value)) : null;
}
