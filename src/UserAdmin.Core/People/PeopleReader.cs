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
        ArgumentNullException.ThrowIfNull(users);
        var afterId = 0;
        while (true)
        {
            var page = await users.AsNoTracking()
                .Where(u => u.Id > afterId)
                .OrderBy(u => u.Id)
                .Take(PageSize)
                .ToListAsync(cancellationToken)
                .ConfigureAwait(false);
            if (page.Count == 0)
            {
                yield break;
            }

            yield return await ToStoredAsync(page, references, cancellationToken).ConfigureAwait(false);
            afterId = page[^1].Id;
        }
    }

    private async Task<IReadOnlyList<StoredPerson>> ToStoredAsync(List<User> page, PeopleReferenceData references, CancellationToken cancellationToken)
    {
        int first = page[0].Id, last = page[^1].Id;
        var roles = await LinksAsync(db.UserRoles.Where(l => l.UserId >= first && l.UserId <= last).Select(l => new Link(l.UserId, l.RoleId)), cancellationToken).ConfigureAwait(false);
        var scopeTeams = await LinksAsync(db.UserScopeTeams.Where(l => l.UserId >= first && l.UserId <= last).Select(l => new Link(l.UserId, l.TeamId)), cancellationToken).ConfigureAwait(false);
        var scopeGroups = await LinksAsync(db.UserScopeGroups.Where(l => l.UserId >= first && l.UserId <= last).Select(l => new Link(l.UserId, l.GroupId)), cancellationToken).ConfigureAwait(false);
        var qmViews = await LinksAsync(db.UserQmViews.Where(l => l.UserId >= first && l.UserId <= last).Select(l => new Link(l.UserId, l.QmViewId)), cancellationToken).ConfigureAwait(false);
        var skills = (await db.SkillMappings.AsNoTracking()
                .Where(s => s.UserId >= first && s.UserId <= last)
                .Select(s => new { s.UserId, s.SkillName })
                .ToListAsync(cancellationToken).ConfigureAwait(false))
            .ToLookup(s => s.UserId, s => s.SkillName);

        return page.ConvertAll(user =>
        {
            var roleIds = roles[user.Id].ToList();
            var values = Describe(user, references);
            values[PersonField.Roles] = PersonRecord.JoinList(roleIds.Select(references.Roles.NameOf));
            values[PersonField.ScopeTeams] = PersonRecord.JoinList(scopeTeams[user.Id].Select(references.Teams.NameOf));
            values[PersonField.ScopeGroups] = PersonRecord.JoinList(scopeGroups[user.Id].Select(references.Groups.NameOf));
            values[PersonField.QmViews] = PersonRecord.JoinList(qmViews[user.Id].Select(references.QmViews.NameOf));
            values[PersonField.SkillMappings] = PersonRecord.JoinList(skills[user.Id]);
            return new StoredPerson(user.Id, user.Version, user.TeamId, user.MemberGroupId, roleIds, values);
        });
    }

    private static PersonRecord Describe(User user, PeopleReferenceData references)
    {
        var values = new PersonRecord
        {
            [PersonField.UserId] = user.Id.ToString(CultureInfo.InvariantCulture),
            [PersonField.FirstName] = user.FirstName,
            [PersonField.LastName] = user.LastName,
            [PersonField.Email] = user.Email,
            [PersonField.AcdId] = user.AcdId,
            [PersonField.AcdServerId] = user.AcdServerId,
            [PersonField.Activated] = IsoDate(user.Activated),
            [PersonField.CompanyEndDate] = IsoDate(user.CompanyEndDate),
            [PersonField.CompanyStartDate] = IsoDate(user.CompanyStartDate),
            [PersonField.Deactivated] = IsoDate(user.Deactivated),
            [PersonField.DepartmentStartDate] = IsoDate(user.DepartmentStartDate),
            [PersonField.DisplayTimeZone] = user.DisplayTimeZone,
            [PersonField.EmployeeId] = user.EmployeeId,
            [PersonField.EnableScheduling] = PersonRecord.Boolean(user.EnableScheduling),
            [PersonField.FullScope] = PersonRecord.Boolean(user.FullScope),
            [PersonField.Locale] = user.Locale,
            [PersonField.Login] = user.Login,
            [PersonField.MaxStaffingGroup] = user.MaxStaffingGroupId is { } maxStaffing ? references.Groups.NameOf(maxStaffing) : null,
            [PersonField.MemberGroup] = user.MemberGroupId is { } member ? references.Groups.NameOf(member) : null,
            [PersonField.Rank] = user.Rank?.ToString(CultureInfo.InvariantCulture),
            [PersonField.ScheduleReleaseProfile] = user.ScheduleReleaseProfile,
            [PersonField.SchedulingTimeZone] = user.SchedulingTimeZone,
            [PersonField.Team] = user.TeamId is { } team ? references.Teams.NameOf(team) : null,
            [PersonField.WorkConditionProfile] = user.WorkConditionProfile,
        };
        return values;
    }

    public static string? IsoDate(LocalDate? date) => date is { } value ? DateFormat.YearMonthDayDash.Format(value) : null;

    private static async Task<ILookup<int, int>> LinksAsync(IQueryable<Link> links, CancellationToken cancellationToken) =>
        (await links.ToListAsync(cancellationToken).ConfigureAwait(false)).ToLookup(l => l.UserId, l => l.OtherId);

    private sealed record Link(int UserId, int OtherId);
}
