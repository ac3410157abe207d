using System.Globalization;

namespace UserAdmin.Core.People.Import;

/// <summary>R-IMP-13: the kinds of change a spreadsheet makes on its own when a CSV is opened and saved again.</summary>
public enum DamageKind
{
    LeadingZerosDropped,
    ScientificNotation,
    TextTurnedIntoDate,
    WrongEncoding,
    TwoDigitYear,
}

/// <summary>What the administrator chose to do with the flagged cells (R-IMP-13); apply refuses while it is <see cref="NotChosen"/>.</summary>
public enum DamagedCellsChoice
{
    NotChosen,
    KeepStoredValues,
    ImportAsInFile,
}

/// <summary>One flagged cell: the stored value and what the file holds instead.</summary>
public sealed record DamagedCell(int Line, int UserId, PersonField Field, string? Stored, string InFile, DamageKind Kind);

/// <summary>One line of the preview's warning: a kind of damage, how many cells, on which lines.</summary>
public sealed record DamageSummary(DamageKind Kind, int Cells, IReadOnlyList<int> Lines, IReadOnlyList<DamagedCell> Examples)
{
    public string Describe() => Kind switch
    {
        DamageKind.LeadingZerosDropped => "leading zeros dropped (a spreadsheet reads 000123 as the number 123)",
        DamageKind.ScientificNotation => "long numbers written in scientific notation (1.23E+11)",
        DamageKind.TextTurnedIntoDate => "text turned into a date",
        DamageKind.WrongEncoding => "text decoded in the wrong encoding (José → JosÃ©: the file was opened as Windows-1252 instead of UTF-8)",
        DamageKind.TwoDigitYear => "dates rewritten with two-digit years (10/06/24)",
        _ => throw new ArgumentOutOfRangeException(nameof(Kind)),
    };

    public string LinesText(int shown = 10) =>
        string.Join(", ", Lines.Take(shown).Select(l => l.ToString(CultureInfo.InvariantCulture))) + (Lines.Count > shown ? $" and {(Lines.Count - shown).ToString(CultureInfo.InvariantCulture)} more" : "");
}

/// <summary>
/// R-IMP-13: the cells of a file that look changed by a spreadsheet rather than by the administrator,
/// and whether the plan kept the stored values for them. A header that starts with a byte-order mark
/// read as Windows-1252 (<c>ï»¿User ID</c>) is flagged too: it shows the whole file was misread.
/// </summary>
public sealed record SpreadsheetDamageReport(IReadOnlyList<DamagedCell> Cells, string? MisreadHeader, bool StoredValuesKept, int RowsOnlyDamaged)
{
    public static SpreadsheetDamageReport None { get; } = new([], null, false, 0);

    public bool Any => Cells.Count > 0 || MisreadHeader is not null;

    /// <summary>Apply needs the administrator's choice when cells are flagged (R-IMP-13).</summary>
    public bool NeedsChoice => Cells.Count > 0;

    public IReadOnlyList<DamageSummary> ByKind() =>
        Cells.GroupBy(c => c.Kind)
            .OrderBy(g => g.Key)
            .Select(g => new DamageSummary(g.Key, g.Count(), g.Select(c => c.Line).Distinct().Order().ToList(), g.Take(3).ToList()))
            .ToList();

    public int Count(DamageKind kind) => Cells.Count(c => c.Kind == kind);
}
