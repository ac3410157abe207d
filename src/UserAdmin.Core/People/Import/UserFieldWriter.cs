using System.Globalization;
using NodaTime;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People.Import;

/// <summary>Writes canonical people.csv values onto a <see cref="User"/>'s own columns (the lists are link rows, written elsewhere).</summary>
internal sealed class UserFieldWriter(PeopleReferenceData references)
{
    /// <summary>Sets <paramref name="field"/> and returns the names of the entity properties it changed.</summary>
    public IEnumerable<string> Write(User user, PersonField field, string? value)
    {
        switch (field)
        {
            case PersonField.FirstName: user.FirstName = value!; return [nameof(User.FirstName)];
            case PersonField.LastName: user.LastName = value!; return [nameof(User.LastName)];
            case PersonField.Email: user.Email = value!; return [nameof(User.Email), nameof(User.NormalizedEmail)];
            case PersonField.Login: user.Login = value; return [nameof(User.Login), nameof(User.NormalizedLogin)];
            case PersonField.AcdId: user.AcdId = value; return [nameof(User.AcdId)];
            case PersonField.AcdServerId: user.AcdServerId = value; return [nameof(User.AcdServerId)];
            case PersonField.EmployeeId: user.EmployeeId = value; return [nameof(User.EmployeeId)];
            case PersonField.Activated: user.Activated = Date(value); return [nameof(User.Activated)];
            case PersonField.Deactivated: user.Deactivated = Date(value); return [nameof(User.Deactivated)];
            case PersonField.CompanyStartDate: user.CompanyStartDate = Date(value); return [nameof(User.CompanyStartDate)];
            case PersonField.CompanyEndDate: user.CompanyEndDate = Date(value); return [nameof(User.CompanyEndDate)];
            case PersonField.DepartmentStartDate: user.DepartmentStartDate = Date(value); return [nameof(User.DepartmentStartDate)];
            case PersonField.DisplayTimeZone: user.DisplayTimeZone = value; return [nameof(User.DisplayTimeZone)];
            case PersonField.SchedulingTimeZone: user.SchedulingTimeZone = value; return [nameof(User.SchedulingTimeZone)];
            case PersonField.EnableScheduling: user.EnableScheduling = value == PersonRecord.True; return [nameof(User.EnableScheduling)];
            case PersonField.FullScope: user.FullScope = value == PersonRecord.True; return [nameof(User.FullScope)];
            case PersonField.Locale: user.Locale = value; return [nameof(User.Locale)];
            case PersonField.Rank: user.Rank = value is null ? null : int.Parse(value, CultureInfo.InvariantCulture); return [nameof(User.Rank)];
            case PersonField.Team: user.TeamId = value is null ? null : references.Teams.Find(value)!.Id; return [nameof(User.TeamId)];
            case PersonField.MemberGroup: user.MemberGroupId = value is null ? null : references.Groups.Find(value)!.Id; return [nameof(User.MemberGroupId)];
            case PersonField.MaxStaffingGroup: user.MaxStaffingGroupId = value is null ? null : references.Groups.Find(value)!.Id; return [nameof(User.MaxStaffingGroupId)];
            case PersonField.ScheduleReleaseProfile: user.ScheduleReleaseProfile = value; return [nameof(User.ScheduleReleaseProfile)];
            case PersonField.WorkConditionProfile: user.WorkConditionProfile = value; return [nameof(User.WorkConditionProfile)];
            default: return [];
        }
    }

    private static LocalDate? Date(string? value) =>
        value is not null && DateFormat.YearMonthDayDash.TryParse(value, out var date) ? date : null;
}
