namespace UserAdmin.Core.Csv;

/// <summary>
/// One thing wrong with an uploaded file, said so that the administrator can find and fix it:
/// the line, the column, the value found and what was expected. Line and column are null for
/// problems of the whole file.
/// </summary>
public sealed record CsvProblem(int? Line, string? Column, string? Value, string Message)
{
    public static CsvProblem OfFile(string message) => new(null, null, null, message);

    /// <summary>R-IMP-6: the spreadsheet row, set only when a quoted line break above makes it differ from <see cref="Line"/>.</summary>
    public int? SheetRow { get; init; }

    /// <summary>"7" or, when they differ, "7 (spreadsheet row 5)".</summary>
    public string? Where => Line is not { } line ? null
        : SheetRow is { } row && row != line ? $"{line} (spreadsheet row {row})" : line.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override string ToString()
    {
        var where = (Line, Column) switch
        {
            ({ }, { } column) => $"Line {Where}, column \"{column}\": ",
            ({ }, null) => $"Line {Where}: ",
            (null, { } column) => $"Column \"{column}\": ",
            _ => "",
        };
        return where + Message;
    }
}
