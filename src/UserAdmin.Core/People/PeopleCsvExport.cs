using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People;

/// <summary>
/// people.csv (R-EXP-1..4): the R-EXP-1 headers in a <see cref="CsvDownload"/> (UTF-8 with BOM, CRLF,
/// RFC 4180 quoting, formula cells neutralised), the chosen date format; written page by page straight
/// to the response stream.
/// </summary>
public sealed class PeopleCsvExport(UserAdminDbContext db, UserViewScope scope, PeopleReader reader)
{
    public const string FileName = "people.csv";

    /// <summary>The export's date format from a URL's <c>dateFormat</c> (default YYYY-MM-DD); null with <paramref name="problem"/> when it names none of the four.</summary>
    public static DateFormat? DateFormatFrom(string? text, out string? problem)
    {
        if (DateFormats.TryParsePattern(text ?? DateFormat.YearMonthDayDash.Pattern(), out var format) && format != DateFormat.Detect)
        {
            problem = null;
            return format;
        }

        problem = $"Unknown date format \"{text}\": expected one of {string.Join(", ", DateFormats.Concrete.Select(f => f.Pattern()))}.";
        return null;
    }

    public Task WriteAsync(Stream output, AdministratorProfile administrator, DateFormat dateFormat, CancellationToken cancellationToken = default) =>
        WriteAsync(output, administrator, dateFormat, pages: int.MaxValue, cancellationToken);

    /// <summary>
    /// The property of R-EXP-5 at tenant scale: the administrator's own export must fit the import's limits.
    /// The row count is exact; the size is the header and first page's bytes scaled to every user, since
    /// writing the whole file to measure it would cost as much as the export itself.
    /// </summary>
    public async Task<ExportSize> SizeAsync(AdministratorProfile administrator, CancellationToken cancellationToken = default)
    {
        var users = await scope.VisibleUsers(administrator).CountAsync(cancellationToken).ConfigureAwait(false);
        using var header = new MemoryStream();
        await WriteAsync(header, administrator, DateFormat.YearMonthDayDash, pages: 0, cancellationToken).ConfigureAwait(false);
        using var sample = new MemoryStream();
        var sampled = await WriteAsync(sample, administrator, DateFormat.YearMonthDayDash, pages: 1, cancellationToken).ConfigureAwait(false);
        var perUser = sampled == 0 ? 0 : (double)(sample.Length - header.Length) / sampled;
        return new ExportSize(users, header.Length + (long)Math.Ceiling(perUser * users));
    }

    /// <summary>Writes the header and up to <paramref name="pages"/> pages of users; returns how many users it wrote.</summary>
    private async Task<int> WriteAsync(Stream output, AdministratorProfile administrator, DateFormat dateFormat, int pages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(output);
        var written = 0;
        var references = await PeopleReferenceData.LoadAsync(db, cancellationToken).ConfigureAwait(false);
        var download = CsvDownload.To(output, PersonFields.All.Select(f => f.Header));
        await using (download.ConfigureAwait(false))
        {
            // One page of users is one write to the output (CsvDownload's page); one row of cells serves every user.
            // A page is described and written while the next is read (ReadAhead): the two halves of the work overlap.
            var row = new string?[PersonFields.All.Count];
            await foreach (var page in ReadAhead.Of(reader.ReadPagesAsRead(scope.VisibleUsers(administrator), cancellationToken), cancellationToken).ConfigureAwait(false))
            {
                if (pages-- <= 0)
                {
                    break;
                }

                var people = page.Describe(references);
                written += people.Count;
                foreach (var person in people)
                {
                    Fill(row, person.Values, dateFormat);
                    download.WriteRow(row);
                }

                await download.FlushAsync(cancellationToken).ConfigureAwait(false);
            }
        }

        return written;
    }

    private static void Fill(string?[] row, PersonRecord values, DateFormat dateFormat)
    {
        for (var i = 0; i < row.Length; i++)
        {
            var field = PersonFields.All[i];
            row[i] = Present(field, values[field.Field], dateFormat);
        }
    }

    /// <summary>A canonical value as the file shows it: dates in the chosen format, lists joined with <c>;</c>.</summary>
    public static string Present(PersonFieldInfo field, string? canonical, DateFormat dateFormat)
    {
        ArgumentNullException.ThrowIfNull(field);
        if (canonical is null)
        {
            return "";
        }

        // Canonical dates are already YYYY-MM-DD.
        return field.IsDate && dateFormat != DateFormat.YearMonthDayDash && DateFormat.YearMonthDayDash.TryParse(canonical, out var date) ? dateFormat.Format(date) : canonical;
    }
}

/// <summary>How many users an export holds and about how many bytes it takes.</summary>
public sealed record ExportSize(int Users, long Bytes);
