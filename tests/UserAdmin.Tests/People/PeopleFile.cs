using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace UserAdmin.Tests.People;

/// <summary>A people.csv as a spreadsheet user edits it: rows of cells by header, written back with any delimiter and encoding.</summary>
public sealed class PeopleFile
{
    public PeopleFile(IEnumerable<string> headers, IEnumerable<IEnumerable<string>>? rows = null)
    {
        Headers = headers.ToList();
        Rows = (rows ?? []).Select(r => r.ToList()).ToList();
    }

    public List<string> Headers { get; }

    public List<List<string>> Rows { get; }

    public static PeopleFile Parse(string text)
    {
        using var reader = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), new CsvConfiguration(CultureInfo.InvariantCulture) { HasHeaderRecord = false });
        var records = new List<List<string>>();
        while (reader.Read())
        {
            records.Add(reader.Parser.Record!.ToList());
        }

        return new PeopleFile(records[0], records.Skip(1));
    }

    public List<string> RowOf(string email) => Rows.Single(r => string.Equals(r[Headers.IndexOf("Email")], email, StringComparison.OrdinalIgnoreCase));

    public string this[List<string> row, string header]
    {
        get => row[Headers.IndexOf(header)];
        set => row[Headers.IndexOf(header)] = value;
    }

    public PeopleFile Only(params string[] emails) =>
        new(Headers, Rows.Where(r => emails.Contains(r[Headers.IndexOf("Email")], StringComparer.OrdinalIgnoreCase)));

    public PeopleFile WithoutColumn(string header)
    {
        var index = Headers.IndexOf(header);
        return new PeopleFile(Headers.Where((_, i) => i != index), Rows.Select(r => r.Where((_, i) => i != index)));
    }

    public List<string> AddRow(params (string Header, string Value)[] cells)
    {
        var row = Headers.Select(_ => "").ToList();
        foreach (var (header, value) in cells)
        {
            row[Headers.IndexOf(header)] = value;
        }

        Rows.Add(row);
        return row;
    }

    public string ToText(string delimiter = ",")
    {
        var text = new StringBuilder();
        using (var writer = new StringWriter(text))
        using (var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter, NewLine = "\r\n" }))
        {
            foreach (var record in Rows.Prepend(Headers))
            {
                foreach (var cell in record)
                {
                    csv.WriteField(cell);
                }

                csv.NextRecord();
            }
        }

        return text.ToString();
    }

    public byte[] ToBytes(string delimiter = ",", Encoding? encoding = null)
    {
        encoding ??= new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        return encoding.GetPreamble().Concat(encoding.GetBytes(ToText(delimiter))).ToArray();
    }
}
