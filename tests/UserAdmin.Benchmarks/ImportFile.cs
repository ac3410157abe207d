using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using UserAdmin.Core.Csv;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.People;

namespace UserAdmin.Benchmarks;

/// <summary>What the P1 file holds.</summary>
internal sealed record ImportFileContents(int Rows, int NewUsers, int UpdatedUsers);

/// <summary>
/// The P1 file, made the way administrators make theirs: export people.csv, edit it, import it.
/// Every other agent's row is edited (rank; skills of every second one; team of every fourth one);
/// the rows between become new users (User ID 0, a new email and login). The administrator's own
/// row stays as exported.
/// </summary>
internal static class ImportFile
{
    private static readonly string[] Teams = ["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Foxtrot"];

    public static async Task<ImportFileContents> WriteAsync(IServiceProvider services, string path)
    {
        var administrator = await BenchmarkServices.AdministratorAsync(services);
        using var exported = new MemoryStream();
        await using (var scope = services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<PeopleCsvExport>().WriteAsync(exported, administrator, DateFormat.YearMonthDayDash);
        }

        using var reader = new CsvParser(new StreamReader(new MemoryStream(exported.ToArray()), Encoding.UTF8), new CsvConfiguration(CultureInfo.InvariantCulture));
        if (!reader.Read())
        {
            throw new InvalidOperationException("The export has no header row.");
        }

        var headers = reader.Record!;
        await using var output = File.Create(path);
        await using var csv = CsvDownload.To(output, headers);
        int rows = 0, created = 0, updated = 0;
        while (reader.Read())
        {
            var row = reader.Record!;
            var id = int.Parse(Cell(headers, row, PersonField.UserId), CultureInfo.InvariantCulture);
            if (id != BenchmarkTenant.AdministratorId)
            {
                var agent = id - BenchmarkTenant.AgentId(0);
                if (agent % 2 == 0)
                {
                    Edit(headers, row, agent);
                    updated++;
                }
                else
                {
                    MakeNew(headers, row, agent);
                    created++;
                }
            }

            // The export's cells carry the formula guard's apostrophe, which the download puts back.
            csv.WriteRow(row.Select(CsvFormulaGuard.Restore));
            rows++;
        }

        return new ImportFileContents(rows, created, updated);
    }

    private static void Edit(string[] headers, string[] row, int agent)
    {
        var rank = int.Parse(Cell(headers, row, PersonField.Rank), CultureInfo.InvariantCulture);
        SetCell(headers, row, PersonField.Rank, ((rank + 1) % 10).ToString(CultureInfo.InvariantCulture));
        if (agent % 4 == 0)
        {
            var skills = Cell(headers, row, PersonField.SkillMappings).Split(';', StringSplitOptions.RemoveEmptyEntries).ToList();
            if (!skills.Remove("Technical"))
            {
                skills.Add("Technical");
            }

            SetCell(headers, row, PersonField.SkillMappings, string.Join(';', skills));
        }

        if (agent % 8 == 0)
        {
            var team = Array.IndexOf(Teams, Cell(headers, row, PersonField.Team));
            SetCell(headers, row, PersonField.Team, Teams[(team + 1) % Teams.Length]);
        }
    }

    private static void MakeNew(string[] headers, string[] row, int agent)
    {
        var number = agent.ToString(CultureInfo.InvariantCulture);
        SetCell(headers, row, PersonField.UserId, "0");
        SetCell(headers, row, PersonField.Email, $"new.{number}@example.com");
        SetCell(headers, row, PersonField.Login, "new" + number);
    }

    private static string Cell(string[] headers, string[] row, PersonField field) =>
        row[Array.IndexOf(headers, PersonFields.Of(field).Header)];

    private static void SetCell(string[] headers, string[] row, PersonField field, string value) =>
        row[Array.IndexOf(headers, PersonFields.Of(field).Header)] = value;
}
