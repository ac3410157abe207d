using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using UserAdmin.Core.People;
using UserAdmin.Core.Transfers;

namespace UserAdmin.Benchmarks;

/// <summary>
/// The raw baselines: <c>sqlite3</c> doing each job with no application in between, with the
/// connection settings the app uses (SqliteConnectionTuning: WAL is in the file already).
/// </summary>
internal static class Baselines
{
    private const string Settings = "PRAGMA synchronous=NORMAL;\nPRAGMA foreign_keys=ON;\n";

    /// <summary>The SQL expression of each people.csv field, over Users u with its team t and groups mg and msg.</summary>
    private static readonly Dictionary<PersonField, string> ExportColumns = new()
    {
        [PersonField.UserId] = "u.Id",
        [PersonField.FirstName] = "u.FirstName",
        [PersonField.LastName] = "u.LastName",
        [PersonField.Email] = "u.Email",
        [PersonField.AcdId] = "u.AcdId",
        [PersonField.AcdServerId] = "u.AcdServerId",
        [PersonField.Activated] = "u.Activated",
        [PersonField.CompanyEndDate] = "u.CompanyEndDate",
        [PersonField.CompanyStartDate] = "u.CompanyStartDate",
        [PersonField.Deactivated] = "u.Deactivated",
        [PersonField.DepartmentStartDate] = "u.DepartmentStartDate",
        [PersonField.DisplayTimeZone] = "u.DisplayTimeZone",
        [PersonField.EmployeeId] = "u.EmployeeId",
        [PersonField.EnableScheduling] = "CASE WHEN u.EnableScheduling THEN 'TRUE' ELSE 'FALSE' END",
        [PersonField.FullScope] = "CASE WHEN u.FullScope THEN 'TRUE' ELSE 'FALSE' END",
        [PersonField.Locale] = "u.Locale",
        [PersonField.Login] = "u.Login",
        [PersonField.MaxStaffingGroup] = "msg.Name",
        [PersonField.MemberGroup] = "mg.Name",
        [PersonField.QmViews] = "(SELECT group_concat(v.Name, ';') FROM UserQmViews l JOIN QmViews v ON v.Id = l.QmViewId WHERE l.UserId = u.Id)",
        [PersonField.Rank] = "u.Rank",
        [PersonField.Roles] = "(SELECT group_concat(r.Name, ';') FROM UserRoles l JOIN Roles r ON r.Id = l.RoleId WHERE l.UserId = u.Id)",
        [PersonField.ScheduleReleaseProfile] = "u.ScheduleReleaseProfile",
        [PersonField.SchedulingTimeZone] = "u.SchedulingTimeZone",
        [PersonField.ScopeGroups] = "(SELECT group_concat(g.Name, ';') FROM UserScopeGroups l JOIN Groups g ON g.Id = l.GroupId WHERE l.UserId = u.Id)",
        [PersonField.ScopeTeams] = "(SELECT group_concat(st.Name, ';') FROM UserScopeTeams l JOIN Teams st ON st.Id = l.TeamId WHERE l.UserId = u.Id)",
        [PersonField.SkillMappings] = "(SELECT group_concat(s.SkillName, ';') FROM SkillMappings s WHERE s.UserId = u.Id)",
        [PersonField.Team] = "t.Name",
        [PersonField.WorkConditionProfile] = "u.WorkConditionProfile",
    };

    /// <summary>P1: <c>.import</c> of the same file into a bare table.</summary>
    public static double Import(string database, string csv) =>
        Sqlite3Cli.Run(database, Settings + $".import --csv {Quote(csv)} people_import\n");

    /// <summary>P2: the same rows and columns as people.csv, written by <c>sqlite3 -csv</c> to a file.</summary>
    public static double Export(string database, string output) =>
        Sqlite3Cli.Run(database, Settings + $".headers on\n.mode csv\n.once {Quote(output)}\n{ExportQuery()}\n");

    public static string ExportQuery()
    {
        var columns = PersonFields.All.Select(field => ExportColumns.TryGetValue(field.Field, out var sql)
            ? $"{sql} AS \"{field.Header}\""
            : throw new InvalidOperationException($"Add the people.csv field {field.Header} to the export baseline."));
        return $"SELECT {string.Join(",\n  ", columns)}\nFROM Users u\n" +
            "LEFT JOIN Teams t ON t.Id = u.TeamId\nLEFT JOIN Groups mg ON mg.Id = u.MemberGroupId\nLEFT JOIN Groups msg ON msg.Id = u.MaxStaffingGroupId\n" +
            "ORDER BY u.Id;";
    }

    /// <summary>
    /// P3: the statements the transfer engine runs for each pair (per type of the catalogue: delete
    /// the target's rows when overwritten, re-point each user column), for all pairs in one transaction.
    /// </summary>
    public static double Transfer(string database, IModel model, IReadOnlyList<TransferPair> pairs) =>
        Sqlite3Cli.Run(database, TransferScript(model, pairs));

    public static string TransferScript(IModel model, IReadOnlyList<TransferPair> pairs)
    {
        var types = TransferCatalogue.All.Select(type =>
        {
            var entity = model.FindEntityType(type.EntityType)!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            return (type.Mode, Table: table.Name, Columns: type.UserColumns.Select(c => entity.FindProperty(c)!.GetColumnName(table)!).ToList());
        }).ToList();
        var script = new StringBuilder(Settings).AppendLine("BEGIN;");
        foreach (var (source, target) in pairs)
        {
            foreach (var (mode, table, columns) in types)
            {
                if (mode == TransferMode.Overwrite)
                {
                    script.AppendLine(CultureInfo.InvariantCulture, $"DELETE FROM \"{table}\" WHERE {string.Join(" OR ", columns.Select(c => $"\"{c}\" = {target}"))};");
                }

                foreach (var column in columns)
                {
                    script.AppendLine(CultureInfo.InvariantCulture, $"UPDATE \"{table}\" SET \"{column}\" = {target} WHERE \"{column}\" = {source};");
                }
            }
        }

        return script.AppendLine("COMMIT;").ToString();
    }

    // The shell takes a single-quoted argument literally; it has no escape for a quote inside.
    private static string Quote(string path) =>
        path.Contains('\'', StringComparison.Ordinal) ? throw new ArgumentException($"sqlite3 cannot be given the path {path}: it contains a quote.") : $"'{path}'";
}
