using System.Globalization;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Csv;
using UserAdmin.Core.People;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Transfers.Bulk;

/// <summary>
/// R-BLK-1 "Download an export of all users": every active and inactive user in the view, with the
/// row's own id as From User ID and an empty To User ID for the administrator to fill in.
/// </summary>
public sealed class BulkTransferExport(UserViewScope scope, TenantClock clock)
{
    public const string FileName = "people.csv";
    public const string FromHeader = "From User ID";
    public const string ToHeader = "To User ID";

    public static readonly string[] Headers = [FromHeader, ToHeader, "First Name", "Last Name", "Email", "Login", "Status", "Team"];

    public async Task WriteAsync(Stream output, AdministratorProfile administrator, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        var today = clock.Today;
        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024);
        await using (writer.ConfigureAwait(false))
        {
            var csv = new CsvWriter(writer, PeopleCsvExport.CsvSettings());
            await using (csv.ConfigureAwait(false))
            {
                foreach (var header in Headers)
                {
                    csv.WriteField(header);
                }

                await csv.NextRecordAsync().ConfigureAwait(false);
                var users = scope.VisibleUsers(administrator).AsNoTracking()
                    .OrderBy(u => u.Id)
                    .Select(u => new { u.Id, u.FirstName, u.LastName, u.Email, u.Login, u.Deactivated, Team = u.Team == null ? null : u.Team.Name })
                    .AsAsyncEnumerable();
                await foreach (var user in users.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    string[] fields =
                    [
                        user.Id.ToString(CultureInfo.InvariantCulture), "", user.FirstName, user.LastName, user.Email, user.Login ?? "",
                        Activity.IsActive(user.Deactivated, today) ? "Active" : "Inactive", user.Team ?? "",
                    ];
                    foreach (var field in fields)
                    {
                        csv.WriteField(CsvFormulaGuard.Neutralise(field));
                    }

                    await csv.NextRecordAsync().ConfigureAwait(false);
                }
            }
        }
    }
}
