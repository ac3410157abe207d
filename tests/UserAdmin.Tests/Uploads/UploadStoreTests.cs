using System.Text;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using UserAdmin.Core.Csv;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Uploads;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Uploads;

/// <summary>
/// Issue 15 item 3, R-IMP-1: an upload keeps what was found when its file was accepted (headers, samples, format,
/// row count), and a step that parses it gets back the same rows without the file being checked again.
/// </summary>
public sealed class UploadStoreTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 6, 15, 9, 0);

    public static TheoryData<string, char, UploadPurpose> EveryEncodingDelimiterAndFlow()
    {
        var data = new TheoryData<string, char, UploadPurpose>();
        foreach (var encoding in new[] { "utf-8", "utf-8 with BOM", "utf-16 LE", "utf-16 BE" })
        {
            foreach (var delimiter in new[] { ',', ';', '\t' })
            {
                foreach (var purpose in Enum.GetValues<UploadPurpose>())
                {
                    data.Add(encoding, delimiter, purpose);
                }
            }
        }

        return data;
    }

    [Theory] // R-IMP-1: every encoding and delimiter the upload reads, for either flow
    [MemberData(nameof(EveryEncodingDelimiterAndFlow))]
    public async Task An_upload_keeps_the_headers_samples_format_and_row_count_its_file_was_accepted_with(string encoding, char delimiter, UploadPurpose purpose)
    {
        var d = delimiter.ToString();
        var text = string.Join("\r\n",
            string.Join(d, "User ID", "Email", "First Name", "Note"),
            string.Join(d, "0", "ann@example.com", "Ann", "\"a quoted\r\nline break\""),
            string.Join(d, "0", "bob@example.com", "", "x"),
            string.Join(d, "0", "cy@example.com", "Cy", "x"),
            string.Join(d, "0", "dee@example.com", "Dee", "y")) + "\r\n";
        var opened = CsvDocument.Open(Encode(text, encoding), maxRows: 100).Document!;
        using var database = new TestDatabase();
        Guid id;
        await using (var db = database.CreateDbContext())
        {
            id = (await Store(db).AddAsync(purpose, "people.csv", opened, administratorId: 1)).Id;
        }

        await using var later = database.CreateDbContext();
        var upload = await later.Uploads.AsNoTracking().SingleAsync(u => u.Id == id);
        var reopened = await Store(later).DocumentAsync(upload);

        Assert.Equal(opened.Headers, upload.Headers());
        Assert.Equal((opened.Format.Encoding.CodePage, delimiter), (upload.Format().Encoding.CodePage, upload.Format().Delimiter));
        Assert.Equal(4, upload.RowCount);
        Assert.Equal(
            [["ann@example.com", "bob@example.com", "cy@example.com"], ["Ann", "Cy", "Dee"], ["a quoted\r\nline break", "x", "y"]],
            upload.Columns().Skip(1).Select(c => c.Samples));
        Assert.Equal(opened.Rows().Select(Described), reopened.Rows().Select(Described));
        Assert.Equal(opened.Headers, reopened.Headers);
        Assert.Equal((opened.RowCount, opened.Format.Describe()), (reopened.RowCount, reopened.Format.Describe()));
    }

    [Fact] // R-IMP-2: a sample is shown shortened; the file keeps the whole value
    public void A_long_value_is_kept_as_a_shortened_sample()
    {
        var value = new string('a', 60);
        var document = CsvDocument.Open(Encoding.UTF8.GetBytes($"Note\r\n{value}\r\n"), maxRows: 10).Document!;

        var column = Assert.Single(UploadColumn.Of(document));

        Assert.Equal([new string('a', 37) + "..."], column.Samples);
        Assert.Equal(value, document.Rows().Single().Values[0]);
    }

    private static UploadStore Store(Core.Persistence.UserAdminDbContext db) => new(db, new TenantClock(new FakeClock(Now), DateTimeZone.Utc));

    private static string Described(CsvRecord record) => $"{record.Line}|{record.SheetRow}|{string.Join("¦", record.Values)}|{record.Problem}";

    private static byte[] Encode(string text, string encoding) => encoding switch
    {
        "utf-8" => Encoding.UTF8.GetBytes(text),
        "utf-8 with BOM" => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)],
        "utf-16 LE" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
        "utf-16 BE" => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
        _ => throw new ArgumentOutOfRangeException(nameof(encoding)),
    };
}
