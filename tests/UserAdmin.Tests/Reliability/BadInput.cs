namespace UserAdmin.Tests.Reliability;

/// <summary>Where the wizard shows a file's problem to the administrator.</summary>
public enum ShownOn
{
    /// <summary>The upload page's <c>#problems</c>: the file is refused and nothing is stored.</summary>
    UploadPage,

    /// <summary>The preview's <c>#problems</c>: the file is stored but blocked, so it cannot be applied.</summary>
    PreviewPage,

    /// <summary>The preview's <c>?view=Errors</c> table <c>#errors</c>: a row error with its line in the Line column.</summary>
    ErrorsTable,
}

/// <summary>
/// One file of the bad-input corpus: its bytes (generated on first use, once), the exact message
/// fragment the administrator must see, the line that message must name, and where it is shown.
/// </summary>
public sealed record BadInput(string Id, Func<byte[]> Generate, ShownOn Shown, string Message, int? Line)
{
    private readonly Lazy<byte[]> _file = new(Generate);

    public byte[] File => _file.Value;

    /// <summary>The column the message must name; "" for a problem of the whole row.</summary>
    public string? Column { get; init; }

    /// <summary>The spreadsheet row the error must name beside the line, when a quoted line break makes them differ (R-IMP-6).</summary>
    public int? SheetRow { get; init; }

    /// <summary>Map-step choices that differ from the auto-matched ones, by form field (a date column's format).</summary>
    public IReadOnlyDictionary<string, string> Mapping { get; init; } = new Dictionary<string, string>();

    public override string ToString() => Id;
}
