namespace UserAdmin.Core.People;

/// <summary>The fields of people.csv, in the column order of R-EXP-1.</summary>
public enum PersonField
{
    UserId,
    FirstName,
    LastName,
    Email,
    AcdId,
    AcdServerId,
    Activated,
    CompanyEndDate,
    CompanyStartDate,
    Deactivated,
    DepartmentStartDate,
    DisplayTimeZone,
    EmployeeId,
    EnableScheduling,
    FullScope,
    Locale,
    Login,
    MaxStaffingGroup,
    MemberGroup,
    QmViews,
    Rank,
    Roles,
    ScheduleReleaseProfile,
    SchedulingTimeZone,
    ScopeGroups,
    ScopeTeams,
    SkillMappings,
    Team,
    WorkConditionProfile,
}

/// <summary>How a field's text is read and written.</summary>
public enum PersonFieldKind
{
    Id,
    Text,
    Email,
    Date,
    Boolean,
    Number,
    TimeZone,
    Locale,
    Team,
    Group,
    RoleList,
    TeamList,
    GroupList,
    QmViewList,
    SkillList,
}
