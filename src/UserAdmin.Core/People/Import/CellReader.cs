using System.Globalization;
using System.Net.Mail;
using NodaTime;
using UserAdmin.Core.Csv;
using UserAdmin.Core.TimeZones;

namespace UserAdmin.Core.People.Import;

/// <summary>The canonical value of one cell, or why it cannot be read (the expected form, for the message).</summary>
public readonly record struct CellValue(string? Canonical, string? Problem)
{
    public static CellValue Of(string? canonical) => new(canonical, null);

    public static CellValue Wrong(string problem) => new(null, problem);
}

/// <summary>
/// Reads one people.csv cell into its canonical form (R-USR-4: trimmed, lenient in case, never guessed),
/// or says what was expected. Unknown names come with a did-you-mean.
/// </summary>
public sealed class CellReader(PeopleReferenceData references, TimeZoneCatalogue timeZones)
{
    // Looking a culture up is slow and a file repeats a handful of locales: each is read once per file.
    private readonly Dictionary<string, CellValue> _locales = new(StringComparer.Ordinal);

    /// <summary>R-USR-2: this Deactivated date means "activate" and is stored as empty.</summary>
    public static readonly LocalDate ActivateMarker = new(2999, 12, 31);

    public CellValue Read(PersonFieldInfo field, string raw, DateFormat dateFormat)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(raw);
        var text = CsvFormulaGuard.Restore(raw.Trim());
        if (text.Length == 0)
        {
            return field.Kind == PersonFieldKind.Boolean ? CellValue.Of(PersonRecord.False) : CellValue.Of(null);
        }

        // Length is the rule only for values stored as written; any other value's reader says what was expected
        // (99999999999 in Rank is "not a rank", not "too long").
        if (field.Kind is PersonFieldKind.Text or PersonFieldKind.Email or PersonFieldKind.Locale && text.Length > field.MaxLength)
        {
            return CellValue.Wrong($"is {text.Length} characters long; at most {field.MaxLength} are allowed.");
        }

        return field.Kind switch
        {
            PersonFieldKind.Id => ReadId(text),
            PersonFieldKind.Text => CellValue.Of(text),
            PersonFieldKind.Email => ReadEmail(text),
            PersonFieldKind.Date => ReadDate(field, text, dateFormat),
            PersonFieldKind.Boolean => ReadBoolean(text),
            PersonFieldKind.Number => ReadRank(text),
            PersonFieldKind.TimeZone => ReadTimeZone(text),
            PersonFieldKind.Locale => ReadLocaleOnce(text),
            PersonFieldKind.Team => ReadReference(references.Teams, text),
            PersonFieldKind.Group => ReadReference(references.Groups, text),
            PersonFieldKind.RoleList => ReadList(text, item => ReadReference(references.Roles, item)),
            PersonFieldKind.TeamList => ReadList(text, item => ReadReference(references.Teams, item)),
            PersonFieldKind.GroupList => ReadList(text, item => ReadReference(references.Groups, item)),
            PersonFieldKind.QmViewList => ReadList(text, item => ReadReference(references.QmViews, item)),
            PersonFieldKind.SkillList => ReadList(text, ReadSkill),
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }

    private static CellValue ReadId(string text)
    {
        // Excel may rewrite 19 as 19.0; accept a zero fraction, nothing else.
        var digits = text.EndsWith(".0", StringComparison.Ordinal) ? text[..^2] : text;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? CellValue.Of(id.ToString(CultureInfo.InvariantCulture))
            : CellValue.Wrong("is not a user id: expected 0 for a new user or the number of an existing user.");
    }

    private static CellValue ReadEmail(string text)
    {
        if (IsPlainAddress(text))
        {
            return CellValue.Of(text);
        }

        if (text.Any(char.IsWhiteSpace) || !MailAddress.TryCreate(text, out var address) || address.Address != text || !address.Host.Contains('.', StringComparison.Ordinal)
            || text.Any(c => c > 127))
        {
            return CellValue.Wrong("is not a valid email address: expected the form name@example.com, without spaces or accented letters.");
        }

        return CellValue.Of(text);
    }

    /// <summary>
    /// The common form <c>name.part@host.example</c> (ASCII letters, digits, <c>_ + -</c>, single dots, a host of two
    /// labels or more), which <see cref="MailAddress"/> always accepts unchanged: most cells of a file, checked without
    /// MailAddress's parsing and allocations. Anything else is decided by the full rule.
    /// </summary>
    internal static bool IsPlainAddress(string text)
    {
        var at = text.IndexOf('@', StringComparison.Ordinal);
        return at > 0 && IsDotted(text.AsSpan(0, at), inHost: false) && IsDotted(text.AsSpan(at + 1), inHost: true) && text.AsSpan(at + 1).Contains('.');
    }

    private static bool IsDotted(ReadOnlySpan<char> part, bool inHost)
    {
        var labelLength = 0;
        for (var i = 0; i < part.Length; i++)
        {
            var c = part[i];
            if (c == '.')
            {
                if (labelLength == 0 || (inHost && part[i - 1] == '-'))
                {
                    return false;
                }

                labelLength = 0;
            }
            else if (char.IsAsciiLetterOrDigit(c) || (c == '-' && (!inHost || labelLength > 0)) || (!inHost && c is '_' or '+'))
            {
                labelLength++;
            }
            else
            {
                return false;
            }
        }

        return labelLength > 0 && !(inHost && part[^1] == '-');
    }

    private static CellValue ReadDate(PersonFieldInfo field, string text, DateFormat format)
    {
        if (!format.TryParse(text, out var date))
        {
            return CellValue.Wrong($"is not a date in the format {format.Pattern()} of this column (a 1- or 2-digit day and month and a 4-digit year).");
        }

        if (field.Field == PersonField.Deactivated && date == ActivateMarker)
        {
            return CellValue.Of(null);
        }

        // Ten characters in YYYY-MM-DD are already canonical (two-digit month and day).
        return CellValue.Of(format == DateFormat.YearMonthDayDash && text.Length == 10 ? text : DateFormat.YearMonthDayDash.Format(date));
    }

    private static CellValue ReadBoolean(string text) =>
        text.ToUpperInvariant() switch
        {
            PersonRecord.True => CellValue.Of(PersonRecord.True),
            PersonRecord.False => CellValue.Of(PersonRecord.False),
            _ => CellValue.Wrong("is not a boolean: expected TRUE or FALSE (in any letter case)."),
        };

    private static CellValue ReadRank(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var rank)
            ? CellValue.Of(rank.ToString(CultureInfo.InvariantCulture))
            : CellValue.Wrong($"is not a rank: expected a whole number from 0 to {int.MaxValue.ToString(CultureInfo.InvariantCulture)}.");

    private CellValue ReadTimeZone(string text)
    {
        if (timeZones.TryCanonicalize(text, out var canonical))
        {
            return CellValue.Of(canonical);
        }

        return CellValue.Wrong($"is not a known time zone; the closest valid name is \"{timeZones.Closest(text)}\".");
    }

    private CellValue ReadLocaleOnce(string text)
    {
        if (!_locales.TryGetValue(text, out var value))
        {
            value = ReadLocale(text);
            _locales[text] = value;
        }

        return value;
    }

    private static CellValue ReadLocale(string text)
    {
        var name = text.Replace('_', '-');
        try
        {
            var culture = CultureInfo.GetCultureInfo(name, predefinedOnly: true);
            if (culture.Name.Length > 0)
            {
                return CellValue.Of(culture.Name);
            }
        }
        catch (CultureNotFoundException)
        {
        }

        return CellValue.Wrong("is not a known locale: expected a culture name such as en_US or en-US.");
    }

    private static CellValue ReadReference(ReferenceSet set, string name)
    {
        if (set.Find(name) is { } item)
        {
            return CellValue.Of(item.Name);
        }

        var suggestion = set.Suggest(name);
        return CellValue.Wrong(suggestion is null
            ? $"is not an existing {set.Kind}."
            : $"is not an existing {set.Kind}; did you mean \"{suggestion}\"?");
    }

    private static CellValue ReadSkill(string name) =>
        name.Length > Users.FieldLimits.Name
            ? CellValue.Wrong($"is longer than {Users.FieldLimits.Name} characters, the most a skill name may have.")
            : CellValue.Of(name);

    /// <summary>R-USR-4: empty items and spaces around items are ignored; duplicates are rejected. Problems name the item.</summary>
    private static CellValue ReadList(string text, Func<string, CellValue> readItem)
    {
        var items = new List<string>();
        var problems = new List<string>();
        foreach (var raw in text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var item = readItem(raw);
            if (item.Problem is { } problem)
            {
                problems.Add($"contains \"{Shorten(raw)}\", which {problem}");
            }
            else if (items.Contains(item.Canonical!, StringComparer.OrdinalIgnoreCase))
            {
                problems.Add($"lists \"{Shorten(raw)}\" twice.");
            }
            else
            {
                items.Add(item.Canonical!);
            }
        }

        return problems.Count > 0
            ? CellValue.Wrong(string.Join(" It also ", problems))
            : CellValue.Of(items.Count == 0 ? null : PersonRecord.JoinList(items));
    }

    private static string Shorten(string item) => item.Length <= 40 ? item : item[..37] + "...";
}
