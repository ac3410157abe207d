using System.Text.Json;
using UserAdmin.Core.Csv;

namespace UserAdmin.Core.Uploads;

/// <summary>
/// A column of an uploaded file as its upload keeps it: the header and the first few values, taken once at
/// upload, so that a step that only shows the columns (the map step, R-IMP-2) never reads the file again.
/// </summary>
public sealed record UploadColumn(string Header, IReadOnlyList<string> Samples)
{
    private const int SamplesKept = 3;
    private const int RowsSampled = 200;
    private const int SampleLength = 40;

    /// <summary>Each header with up to three distinct non-blank values of the first well-formed rows, long ones shortened.</summary>
    public static IReadOnlyList<UploadColumn> Of(CsvDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var samples = document.Headers.Select(_ => new List<string>()).ToList();
        foreach (var row in document.Rows().Where(r => r.Problem is null).Take(RowsSampled))
        {
            for (var i = 0; i < document.Headers.Count; i++)
            {
                var value = row.Values[i];
                var shown = value.Length > SampleLength ? value[..(SampleLength - 3)] + "..." : value;
                if (samples[i].Count < SamplesKept && !string.IsNullOrWhiteSpace(value) && !samples[i].Contains(shown))
                {
                    samples[i].Add(shown);
                }
            }
        }

        return document.Headers.Select((header, i) => new UploadColumn(header, samples[i])).ToList();
    }

    public static string ToJson(IReadOnlyList<UploadColumn> columns) => JsonSerializer.Serialize(columns);

    public static IReadOnlyList<UploadColumn> FromJson(string json) =>
        JsonSerializer.Deserialize<List<UploadColumn>>(json) ?? throw new JsonException("Empty list of upload columns.");
}
