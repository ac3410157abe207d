using UserAdmin.Core.Users;

namespace UserAdmin.Core.People;

/// <summary>One field of people.csv: its header (R-EXP-1), how it is read, and other names a file may use for it (R-IMP-2).</summary>
public sealed record PersonFieldInfo(PersonField Field, string Header, PersonFieldKind Kind, int MaxLength, IReadOnlyList<string> Synonyms)
{
    /// <summary>R-IMP-2 and the seed: Email, First Name and Last Name must be mapped.</summary>
    public bool IsRequired => Field is PersonField.Email or PersonField.FirstName or PersonField.LastName;

    public bool IsDate => Kind == PersonFieldKind.Date;

    public bool IsList => Kind is PersonFieldKind.RoleList or PersonFieldKind.TeamList or PersonFieldKind.GroupList or PersonFieldKind.QmViewList or PersonFieldKind.SkillList;
}

/// <summary>The catalogue of people.csv fields, in export order; export, import and mapping all read it.</summary>
public static class PersonFields
{
    public static readonly IReadOnlyList<PersonFieldInfo> All =
    [
        new(PersonField.UserId, "User ID", PersonFieldKind.Id, 12, ["Id", "User Id", "UserId", "User Number"]),
        new(PersonField.FirstName, "First Name", PersonFieldKind.Text, FieldLimits.Name, ["Firstname", "Given Name", "Forename", "First"]),
        new(PersonField.LastName, "Last Name", PersonFieldKind.Text, FieldLimits.Name, ["Lastname", "Surname", "Family Name", "Last"]),
        new(PersonField.Email, "Email", PersonFieldKind.Email, FieldLimits.Email, ["Email Address", "E-mail", "E-mail Address", "Mail", "Emailaddress"]),
        new(PersonField.AcdId, "ACD ID", PersonFieldKind.Text, FieldLimits.Text, ["Acd", "Agent ACD ID"]),
        new(PersonField.AcdServerId, "ACD Server ID", PersonFieldKind.Text, FieldLimits.Text, ["ACD Server"]),
        new(PersonField.Activated, "Activated", PersonFieldKind.Date, 10, ["Activated Date", "Activation Date", "Active From"]),
        new(PersonField.CompanyEndDate, "Company End Date", PersonFieldKind.Date, 10, ["End Date", "Leaving Date"]),
        new(PersonField.CompanyStartDate, "Company Start Date", PersonFieldKind.Date, 10, ["Start Date", "Hire Date", "Hired"]),
        new(PersonField.Deactivated, "Deactivated", PersonFieldKind.Date, 10, ["Deactivated Date", "Deactivation Date"]),
        new(PersonField.DepartmentStartDate, "Department Start Date", PersonFieldKind.Date, 10, ["Dept Start Date", "Department Start"]),
        new(PersonField.DisplayTimeZone, "Display Time Zone", PersonFieldKind.TimeZone, FieldLimits.TimeZone, ["Time Zone", "Timezone", "Display Timezone"]),
        new(PersonField.EmployeeId, "Employee ID", PersonFieldKind.Text, FieldLimits.Text, ["Employee Number", "Employee No", "Emp ID", "Personnel Number"]),
        new(PersonField.EnableScheduling, "Enable Scheduling", PersonFieldKind.Boolean, 5, ["Scheduling Enabled", "Scheduling"]),
        new(PersonField.FullScope, "Full Scope", PersonFieldKind.Boolean, 5, []),
        new(PersonField.Locale, "Locale", PersonFieldKind.Locale, FieldLimits.Locale, ["Language", "Culture"]),
        new(PersonField.Login, "Login", PersonFieldKind.Text, FieldLimits.Text, ["Username", "User Name", "Login Name", "Logon"]),
        new(PersonField.MaxStaffingGroup, "Max Staffing Group", PersonFieldKind.Group, FieldLimits.Name, ["Maximum Staffing Group"]),
        new(PersonField.MemberGroup, "Member Group", PersonFieldKind.Group, FieldLimits.Name, ["Group"]),
        new(PersonField.QmViews, "QM Views", PersonFieldKind.QmViewList, int.MaxValue, ["QM View", "Quality Views"]),
        new(PersonField.Rank, "Rank", PersonFieldKind.Number, 10, []),
        new(PersonField.Roles, "Roles", PersonFieldKind.RoleList, int.MaxValue, ["Role", "User Roles"]),
        new(PersonField.ScheduleReleaseProfile, "Schedule Release Profile", PersonFieldKind.Text, FieldLimits.Text, []),
        new(PersonField.SchedulingTimeZone, "Scheduling Time Zone", PersonFieldKind.TimeZone, FieldLimits.TimeZone, ["Scheduling Timezone"]),
        new(PersonField.ScopeGroups, "Scope Groups", PersonFieldKind.GroupList, int.MaxValue, []),
        new(PersonField.ScopeTeams, "Scope Teams", PersonFieldKind.TeamList, int.MaxValue, []),
        new(PersonField.SkillMappings, "Skill Mappings", PersonFieldKind.SkillList, int.MaxValue, ["Skills"]),
        new(PersonField.Team, "Team", PersonFieldKind.Team, FieldLimits.Name, ["Team Name"]),
        new(PersonField.WorkConditionProfile, "Work Condition Profile", PersonFieldKind.Text, FieldLimits.Text, []),
    ];

    public static PersonFieldInfo Of(PersonField field) => All[(int)field];

    public static IEnumerable<PersonFieldInfo> Dates => All.Where(f => f.IsDate);
}
