using System.Collections.Frozen;
using NodaTime;
using UserAdmin.Core.Naming;

namespace UserAdmin.Core.TimeZones;

/// <summary>
/// The time-zone names people.csv accepts (R-TZ): exactly the seed's list, shipped as
/// <c>time-zone-names.txt</c>. Matching ignores case and answers the seed's spelling; every name
/// resolves to a NodaTime zone.
/// </summary>
public sealed class TimeZoneCatalogue
{
    private const string ResourceName = "UserAdmin.Core.TimeZones.time-zone-names.txt";

    /// <summary>
    /// Names of the seed's list that are not TZDB identifiers (Java's legacy short ids and the
    /// System V zones), with the zone each one has always meant.
    /// </summary>
    private static readonly FrozenDictionary<string, string> LegacyNames = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ACT"] = "Australia/Darwin",
        ["AET"] = "Australia/Sydney",
        ["AGT"] = "America/Argentina/Buenos_Aires",
        ["ART"] = "Africa/Cairo",
        ["AST"] = "America/Anchorage",
        ["BET"] = "America/Sao_Paulo",
        ["BST"] = "Asia/Dhaka",
        ["CAT"] = "Africa/Harare",
        ["CNT"] = "America/St_Johns",
        ["CST"] = "America/Chicago",
        ["CTT"] = "Asia/Shanghai",
        ["EAT"] = "Africa/Addis_Ababa",
        ["ECT"] = "Europe/Paris",
        ["IET"] = "America/Indiana/Indianapolis",
        ["IST"] = "Asia/Kolkata",
        ["JST"] = "Asia/Tokyo",
        ["MIT"] = "Pacific/Apia",
        ["NET"] = "Asia/Yerevan",
        ["NST"] = "Pacific/Auckland",
        ["PLT"] = "Asia/Karachi",
        ["PNT"] = "America/Phoenix",
        ["PRT"] = "America/Puerto_Rico",
        ["PST"] = "America/Los_Angeles",
        ["SST"] = "Pacific/Guadalcanal",
        ["VST"] = "Asia/Ho_Chi_Minh",
        ["EST"] = "-05",
        ["MST"] = "-07",
        ["HST"] = "-10",
        ["SystemV/AST4"] = "-04",
        ["SystemV/AST4ADT"] = "America/Halifax",
        ["SystemV/EST5"] = "-05",
        ["SystemV/EST5EDT"] = "America/New_York",
        ["SystemV/CST6"] = "-06",
        ["SystemV/CST6CDT"] = "America/Chicago",
        ["SystemV/MST7"] = "-07",
        ["SystemV/MST7MDT"] = "America/Denver",
        ["SystemV/PST8"] = "-08",
        ["SystemV/PST8PDT"] = "America/Los_Angeles",
        ["SystemV/YST9"] = "-09",
        ["SystemV/YST9YDT"] = "America/Anchorage",
        ["SystemV/HST10"] = "-10",
        ["Asia/Riyadh87"] = "+03:07:04",
        ["Asia/Riyadh88"] = "+03:07:04",
        ["Asia/Riyadh89"] = "+03:07:04",
        ["Mideast/Riyadh87"] = "+03:07:04",
        ["Mideast/Riyadh88"] = "+03:07:04",
        ["Mideast/Riyadh89"] = "+03:07:04",
        ["Canada/East-Saskatchewan"] = "America/Regina",
        ["US/Pacific-New"] = "America/Los_Angeles",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private readonly FrozenDictionary<string, string> _canonicalByName;
    private readonly ClosestName _closest;

    private TimeZoneCatalogue(IReadOnlyList<string> names)
    {
        Names = names;
        _canonicalByName = names.ToFrozenDictionary(name => name, name => name, StringComparer.OrdinalIgnoreCase);
        _closest = new ClosestName(names, name => [name[(name.LastIndexOf('/') + 1)..]]);
    }

    /// <summary>The catalogue shipped with the app.</summary>
    public static TimeZoneCatalogue Shipped { get; } = Load();

    /// <summary>The accepted names in the seed's order and spelling.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>Finds <paramref name="name"/> ignoring case and surrounding spaces and gives the seed's spelling.</summary>
    public bool TryCanonicalize(string? name, out string canonical)
    {
        canonical = string.Empty;
        if (string.IsNullOrWhiteSpace(name) || !_canonicalByName.TryGetValue(name.Trim(), out var found))
        {
            return false;
        }

        canonical = found;
        return true;
    }

    /// <summary>The accepted name closest to an unknown one, for "did you mean".</summary>
    public string Closest(string unknown) => _closest.Closest(unknown) ?? "UTC";

    /// <summary>The NodaTime zone that an accepted name stands for.</summary>
    public DateTimeZone Resolve(string name)
    {
        if (!TryCanonicalize(name, out var canonical))
        {
            throw new ArgumentException($"'{name}' is not in the time-zone list; did you mean '{Closest(name)}'?", nameof(name));
        }

        var id = LegacyNames.GetValueOrDefault(canonical, canonical);
        return DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
            ?? FixedZone(id)
            ?? throw new InvalidOperationException($"The time-zone list names '{canonical}', which resolves to nothing; add it to the legacy table.");
    }

    private static DateTimeZone? FixedZone(string offset)
    {
        var parsed = NodaTime.Text.OffsetPattern.GeneralInvariant.Parse(offset);
        return parsed.Success ? DateTimeZone.ForOffset(parsed.Value) : null;
    }

    private static TimeZoneCatalogue Load()
    {
        using var stream = typeof(TimeZoneCatalogue).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        var names = reader.ReadToEnd()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return new TimeZoneCatalogue(names);
    }
}
