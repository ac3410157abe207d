using System.Text;

namespace UserAdmin.Core.Csv;

/// <summary>How an uploaded file is written: its encoding and its delimiter, as detected.</summary>
public sealed record CsvFileFormat(Encoding Encoding, char Delimiter)
{
    /// <summary>The format an upload kept (its encoding's code page and its delimiter).</summary>
    public static CsvFileFormat Of(int codePage, char delimiter) => new(CsvTextDecoder.OfCodePage(codePage), delimiter);

    public string Describe() => $"{EncodingName}, {DelimiterName}-separated";

    public string EncodingName => Encoding.CodePage switch
    {
        1200 => "UTF-16 (little endian)",
        1201 => "UTF-16 (big endian)",
        _ => "UTF-8",
    };

    public string DelimiterName => NameOf(Delimiter);

    public static string NameOf(char delimiter) => delimiter switch
    {
        ',' => "comma",
        ';' => "semicolon",
        '\t' => "tab",
        '|' => "pipe (|)",
        ':' => "colon (:)",
        _ => $"'{delimiter}'",
    };
}
