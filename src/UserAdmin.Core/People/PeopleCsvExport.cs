using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.People;

/// <summary>
/// people.csv (R-EXP-1..4): the R-EXP-1 headers, UTF-8 with BOM, CRLF, RFC 4180 quoting, the chosen
/// date format, formula cells neutralised; written page by page straight to the response stream.
/// </summary>
public sealed class PeopleCsvExport(UserAdminDbContext db, UserViewScope scope, PeopleReader reader)
{
    public const string FileName = "people.csv";

    public static CsvConfiguration CsvSettings(string delimiter = ",") => new(CultureInfo.InvariantCulture)
    {
        Delimiter = delimiter,
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.None,
        ShouldQuote = args => args.Field is { Length: > 0 } field
            && (field.Contains(delimiter, StringComparison.Ordinal) || field.AsSpan().IndexOfAny("\"\r\n") >= 0 || char.IsWhiteSpace(field[0]) || char.IsWhiteSpace(field[^1])),
    };

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
        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        await using (writer.ConfigureAwait(false))
        {
            // Each page is formatted in memory, synchronously, and written to the output with one
            // asynchronous write: an await per record costs more than formatting the record.
            var page = new StringWriter(CultureInfo.InvariantCulture);
            using var csv = new CsvWriter(page, CsvSettings());
            foreach (var field in PersonFields.All)
            {
                csv.WriteField(field.Header);
            }

            csv.NextRecord();
            await foreach (var people in reader.ReadPagesAsync(scope.VisibleUsers(administrator), references, cancellationToken).ConfigureAwait(false))
            {
                if (pages-- <= 0)
                {
                    break;
                }

                written += people.Count;
                foreach (var person in people)
                {
                    WriteRecord(csv, person.Values, dateFormat);
                    csv.NextRecord();
                }

                await WritePageAsync(csv, page, writer, cancellationToken).ConfigureAwait(false);
            }

            await WritePageAsync(csv, page, writer, cancellationToken).ConfigureAwait(false);
        }

        return written;
    }

    private static async Task WritePageAsync(CsvWriter csv, StringWriter page, StreamWriter output, CancellationToken cancellationToken)
    {
        csv.Flush();
        await output.WriteAsync(page.GetStringBuilder(), cancellationToken).ConfigureAwait(false);
        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        page.GetStringBuilder().Clear();
    }

    private static void WriteRecord(CsvWriter csv, PersonRecord values, DateFormat dateFormat)
    {
        foreach (var field in PersonFields.All)
        {
            csv.WriteField(CsvFormulaGuard.Neutralise(Present(field, values[field.Field], dateFormat)));
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
