using System.Globalization;
using System.Text;
using UserAdmin.Core.People;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers;

namespace UserAdmin.Benchmarks;

/// <summary>
/// The SQL of the raw baselines, one text for both databases (quoted identifiers read the same in
/// SQLite and PostgreSQL); only the list aggregate differs (<c>group_concat</c> / <c>string_agg</c>).
/// Table and column names come from the EF model; P3's statements are the transfer engine's own.
/// </summary>
internal static class BaselineSql
{
    /// <summary>The table the P1 baselines load the file into: one text column per people.csv header, nothing else.</summary>
    public const string ImportTable = "people_import";

    /// <summary>The SQL expression of each people.csv field, over "Users" u with its team t and groups mg and msg; {0} is the list aggregate.</summary>
    private static readonly Dictionary<PersonField, string> ExportColumns = new()
    {
        [PersonField.UserId] = "u.\"Id\"",
        [PersonField.FirstName] = "u.\"FirstName\"",
        [PersonField.LastName] = "u.\"LastName\"",
        [PersonField.Email] = "u.\"Email\"",
        [PersonField.AcdId] = "u.\"AcdId\"",
        [PersonField.AcdServerId] = "u.\"AcdServerId\"",
        [PersonField.Activated] = "u.\"Activated\"",
        [PersonField.CompanyEndDate] = "u.\"CompanyEndDate\"",
        [PersonField.CompanyStartDate] = "u.\"CompanyStartDate\"",
        [PersonField.Deactivated] = "u.\"Deactivated\"",
        [PersonField.DepartmentStartDate] = "u.\"DepartmentStartDate\"",
        [PersonField.DisplayTimeZone] = "u.\"DisplayTimeZone\"",
        [PersonField.EmployeeId] = "u.\"EmployeeId\"",
        [PersonField.EnableScheduling] = "CASE WHEN u.\"EnableScheduling\" THEN 'TRUE' ELSE 'FALSE' END",
        [PersonField.FullScope] = "CASE WHEN u.\"FullScope\" THEN 'TRUE' ELSE 'FALSE' END",
        [PersonField.Locale] = "u.\"Locale\"",
        [PersonField.Login] = "u.\"Login\"",
        [PersonField.MaxStaffingGroup] = "msg.\"Name\"",
        [PersonField.MemberGroup] = "mg.\"Name\"",
        [PersonField.QmViews] = "(SELECT {0}(v.\"Name\", ';') FROM \"UserQmViews\" l JOIN \"QmViews\" v ON v.\"Id\" = l.\"QmViewId\" WHERE l.\"UserId\" = u.\"Id\")",
        [PersonField.Rank] = "u.\"Rank\"",
        [PersonField.Roles] = "(SELECT {0}(r.\"Name\", ';') FROM \"UserRoles\" l JOIN \"Roles\" r ON r.\"Id\" = l.\"RoleId\" WHERE l.\"UserId\" = u.\"Id\")",
        [PersonField.ScheduleReleaseProfile] = "u.\"ScheduleReleaseProfile\"",
        [PersonField.SchedulingTimeZone] = "u.\"SchedulingTimeZone\"",
        [PersonField.ScopeGroups] = "(SELECT {0}(g.\"Name\", ';') FROM \"UserScopeGroups\" l JOIN \"Groups\" g ON g.\"Id\" = l.\"GroupId\" WHERE l.\"UserId\" = u.\"Id\")",
        [PersonField.ScopeTeams] = "(SELECT {0}(st.\"Name\", ';') FROM \"UserScopeTeams\" l JOIN \"Teams\" st ON st.\"Id\" = l.\"TeamId\" WHERE l.\"UserId\" = u.\"Id\")",
        [PersonField.SkillMappings] = "(SELECT {0}(s.\"SkillName\", ';') FROM \"SkillMappings\" s WHERE s.\"UserId\" = u.\"Id\")",
        [PersonField.Team] = "t.\"Name\"",
        [PersonField.WorkConditionProfile] = "u.\"WorkConditionProfile\"",
    };

    /// <summary>P1 on PostgreSQL: the bare table <c>COPY</c> loads into (sqlite3's <c>.import</c> creates its own from the header).</summary>
    public static string CreateImportTable() =>
        $"CREATE TABLE {ImportTable} ({string.Join(", ", PersonFields.All.Select(f => $"\"{f.Header}\" text"))});";

    /// <summary>P2: the rows and columns of people.csv, with <paramref name="listAggregate"/> joining the link tables.</summary>
    public static string ExportQuery(string listAggregate)
    {
        var columns = PersonFields.All.Select(field => ExportColumns.TryGetValue(field.Field, out var sql)
            ? string.Format(CultureInfo.InvariantCulture, sql, listAggregate) + $" AS \"{field.Header}\""
            : throw new InvalidOperationException($"Add the people.csv field {field.Header} to the export baseline."));
        return $"SELECT {string.Join(", ", columns)} FROM \"Users\" u " +
            "LEFT JOIN \"Teams\" t ON t.\"Id\" = u.\"TeamId\" LEFT JOIN \"Groups\" mg ON mg.\"Id\" = u.\"MemberGroupId\" LEFT JOIN \"Groups\" msg ON msg.\"Id\" = u.\"MaxStaffingGroupId\" " +
            "ORDER BY u.\"Id\"";
    }

    /// <summary>
    /// P3: the transfer engine's own statements for each pair (<see cref="TransferStatements"/>, in the
    /// provider's quoting: per type of the catalogue, delete the target's rows when overwritten, re-point each
    /// user column), with the ids written in, for all pairs in one transaction.
    /// </summary>
    public static string TransferScript(string settings, UserAdminDbContext db, IReadOnlyList<TransferPair> pairs)
    {
        var types = TransferCatalogue.All.Select(type => TransferStatements.Of(db, type.EntityType, type.Mode, type.UserColumns)).ToList();
        var script = new StringBuilder(settings).AppendLine("BEGIN;");
        foreach (var (source, target) in pairs)
        {
            foreach (var statements in types)
            {
                if (statements.DeleteTarget is { } delete)
                {
                    script.AppendFormat(CultureInfo.InvariantCulture, delete, target).AppendLine(";");
                }

                foreach (var repoint in statements.Repoint)
                {
                    script.AppendFormat(CultureInfo.InvariantCulture, repoint, source, target).AppendLine(";");
                }
            }
        }

        return script.AppendLine("COMMIT;").ToString();
    }

    /// <summary>
    /// A path inside a single-quoted argument of sqlite3's dot-commands or psql's <c>\copy</c>, neither
    /// of which takes an escaped quote.
    /// </summary>
    public static string QuotedPath(string path) =>
        path.Contains('\'', StringComparison.Ordinal) ? throw new ArgumentException($"The raw baselines cannot be given the path {path}: it contains a quote.") : $"'{path}'";
}
