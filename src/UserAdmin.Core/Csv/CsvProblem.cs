namespace UserAdmin.Core.Csv;

/// <summary>
/// One thing wrong with an uploaded file, said so that the administrator can find and fix it:
/// the line, the column, the value found and what was expected. Line and column are null for
/// problems of the whole file.
/// </summary>
public sealed record CsvProblem(int? Line, string? Column, string? Value, string Message)
{
    public static CsvProblem OfFile(string message) => new(null, null, null, message);

    public override string ToString()
    {
        var where = (Line, Column) switch
        {
            ({ } line, { } column) => $"Line {line}, column \"{column}\": ",
            ({ } line, null) => $"Line {line}: ",
            (null, { } column) => $"Column \"{column}\": ",
            _ => "",
        };
        return where + Message;
    }
}
