using System.Text;
using System.Text.RegularExpressions;

namespace UserAdmin.Core.People.Import;

/// <summary>
/// R-IMP-13 (ADR-0009): finds the changes a spreadsheet makes on its own — leading zeros dropped, long
/// numbers in scientific notation, text turned into a date, UTF-8 read as Windows-1252, dates with
/// two-digit years — in the rows that update a stored user, and with <see cref="DamagedCellsChoice.KeepStoredValues"/>
/// puts the stored value back in those cells before any other rule looks at the row.
/// </summary>
internal static partial class SpreadsheetDamage
{
    /// <summary>The UTF-8 byte-order mark EF BB BF read as Windows-1252.</summary>
    public const string MisreadByteOrderMark = "ï»¿";

    /// <summary>Flags the damaged cells of some rows (one chunk of the file) into <paramref name="findings"/>.</summary>
    public static void Inspect(ImportMapping mapping, IReadOnlyDictionary<PersonField, int> indexes, IReadOnlyList<MatchedRow> rows, DamagedCellsChoice choice, DamageFindings findings)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(findings);
        foreach (var row in rows)
        {
            if (row is not { Existing: { } stored, Final: { } final })
            {
                continue;
            }

            var flagged = new List<DamagedCell>();
            foreach (var (field, index) in indexes)
            {
                var raw = row.Parsed.RawValues.Length > index ? row.Parsed.RawValues[index].Trim() : "";
                if (field != PersonField.UserId && KindOf(PersonFields.Of(field), stored.Values[field], final[field], raw) is { } kind)
                {
                    flagged.Add(new DamagedCell(row.Parsed.Line, stored.Id, field, stored.Values[field], raw, kind));
                }
            }

            if (flagged.Count == 0)
            {
                continue;
            }

            findings.Cells.AddRange(flagged);
            var changed = PersonFields.All.Where(f => f.Field != PersonField.UserId && !string.Equals(stored.Values[f.Field], final[f.Field], StringComparison.Ordinal));
            if (changed.All(f => flagged.Exists(c => c.Field == f.Field)))
            {
                findings.RowsOnlyDamaged++;
            }

            if (choice == DamagedCellsChoice.KeepStoredValues)
            {
                foreach (var cell in flagged)
                {
                    final[cell.Field] = cell.Stored;
                    row.Parsed.Problems.RemoveAll(p => p.Column == mapping.ColumnOf(cell.Field));
                }
            }
        }

    }

    /// <summary>The report of the whole file once every chunk is inspected.</summary>
    public static SpreadsheetDamageReport Report(IReadOnlyList<string> headers, DamageFindings findings, DamagedCellsChoice choice)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(findings);
        var misread = headers.Count > 0 && headers[0].StartsWith(MisreadByteOrderMark, StringComparison.Ordinal) ? headers[0] : null;
        return new SpreadsheetDamageReport(findings.Cells, misread, choice == DamagedCellsChoice.KeepStoredValues, findings.RowsOnlyDamaged);
    }

    /// <summary>The damage one cell shows, comparing the stored value with the file's; null when the change looks deliberate.</summary>
    public static DamageKind? KindOf(PersonFieldInfo field, string? stored, string? read, string raw)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(raw);
        if (field.IsDate)
        {
            // A date the reader refused because its year has two digits: the spreadsheet's date format, not the administrator's.
            return read is null && TwoDigitYearDate().IsMatch(raw) ? DamageKind.TwoDigitYear : null;
        }

        if (stored is null || raw.Length == 0 || string.Equals(stored, raw, StringComparison.Ordinal))
        {
            return null;
        }

        if (LeadingZeros().IsMatch(stored) && raw.All(char.IsAsciiDigit) && stored.TrimStart('0').PadLeft(1, '0') == raw.TrimStart('0').PadLeft(1, '0'))
        {
            return DamageKind.LeadingZerosDropped;
        }

        if (ScientificNotation().IsMatch(raw) && !ScientificNotation().IsMatch(stored))
        {
            return DamageKind.ScientificNotation;
        }

        if (LooksLikeDate(raw) && !LooksLikeDate(stored))
        {
            return DamageKind.TextTurnedIntoDate;
        }

        return IsMisdecoded(stored, raw) ? DamageKind.WrongEncoding : null;
    }

    /// <summary>True when <paramref name="read"/> is <paramref name="stored"/>'s UTF-8 bytes read one by one as Windows-1252.</summary>
    public static bool IsMisdecoded(string stored, string read)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(read);
        var bytes = Encoding.UTF8.GetBytes(stored);
        if (bytes.Length == stored.Length || bytes.Length != read.Length)
        {
            return false;
        }

        for (var i = 0; i < bytes.Length; i++)
        {
            if (!Windows1252.Reads(bytes[i], read[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool LooksLikeDate(string value) =>
        DateFormats.Concrete.Any(f => f.TryParse(value, out _)) || TwoDigitYearDate().IsMatch(value) || MonthNameDate().IsMatch(value);

    [GeneratedRegex(@"^0\d+$")]
    private static partial Regex LeadingZeros();

    [GeneratedRegex(@"^\d(\.\d+)?[eE]\+?\d+$")]
    private static partial Regex ScientificNotation();

    [GeneratedRegex(@"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$")]
    private static partial Regex TwoDigitYearDate();

    /// <summary>Excel's and Calc's short forms: 1-Mar, 01-Mar-24, Mar-24.</summary>
    [GeneratedRegex(@"^(\d{1,2}-[A-Za-z]{3}(-\d{2,4})?|[A-Za-z]{3}-\d{2,4})$")]
    private static partial Regex MonthNameDate();
}

/// <summary>The flagged cells found so far, chunk after chunk.</summary>
internal sealed class DamageFindings
{
    public List<DamagedCell> Cells { get; } = [];

    public int RowsOnlyDamaged { get; set; }
}

/// <summary>
/// Windows-1252: Latin-1 except 0x80–0x9F. A byte there may also come out as Latin-1's control character
/// (tools that read ISO-8859-1) or, for the five bytes 1252 leaves undefined, as LibreOffice Calc's U+F1xx.
/// </summary>
internal static class Windows1252
{
    private const string High = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

    public static bool Reads(byte b, char c)
    {
        if (b < 0x80 || b >= 0xA0)
        {
            return c == (char)b;
        }

        var mapped = High[b - 0x80];
        return c == mapped || c == (char)b || c == (char)(0xF100 + b);
    }
}
