using NodaTime;
using UserAdmin.Core.TimeZones;

namespace UserAdmin.Tests.TimeZones;

public sealed class TimeZoneCatalogueTests
{
    private static readonly TimeZoneCatalogue Catalogue = TimeZoneCatalogue.Shipped;

    /// <summary>The seed's "Time zone names" section, copied verbatim (columns, no-break spaces and all).</summary>
    private static List<string> SeedNames() =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TimeZones", "seed-time-zone-names.txt"))
            .Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .SelectMany(chunk => chunk.Split('\u00A0', StringSplitOptions.RemoveEmptyEntries))
            .ToList();

    [Fact] // R-TZ: exactly the 615 distinct names of the seed's list
    public void The_accepted_names_are_exactly_the_seeds_distinct_names()
    {
        var seed = SeedNames().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(615, seed.Count);
        Assert.Equal(seed, Catalogue.Names.Order(StringComparer.Ordinal));
    }

    [Fact] // R-TZ: every name resolves to a NodaTime zone
    public void Every_accepted_name_resolves_to_a_zone()
    {
        var unresolved = Catalogue.Names.Where(name => Catalogue.Resolve(name) is null).ToList();

        Assert.Empty(unresolved);
    }

    [Theory] // R-TZ: matching ignores case and stores the seed's spelling
    [InlineData("america/new_york", "America/New_York")]
    [InlineData("  EUROPE/LONDON ", "Europe/London")]
    [InlineData("systemv/est5", "SystemV/EST5")]
    [InlineData("utc", "UTC")]
    [InlineData("EST5EDT ", "EST5EDT")]
    public void Matching_ignores_case_and_answers_the_seeds_spelling(string typed, string expected)
    {
        Assert.True(Catalogue.TryCanonicalize(typed, out var canonical));
        Assert.Equal(expected, canonical);
    }

    [Theory] // R-TZ: names that are not in the list are refused
    [InlineData("")]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("America/NewYork")]
    [InlineData("GMT+1")]
    public void Names_outside_the_list_are_refused(string typed)
    {
        Assert.False(Catalogue.TryCanonicalize(typed, out _));
    }

    [Theory] // R-TZ: legacy three-letter and SystemV names through the explicit table
    [InlineData("ACT", "Australia/Darwin")]
    [InlineData("IST", "Asia/Kolkata")]
    [InlineData("PST", "America/Los_Angeles")]
    [InlineData("SystemV/EST5EDT", "America/New_York")]
    public void Legacy_names_resolve_to_the_zone_they_always_meant(string name, string zoneId)
    {
        Assert.Equal(DateTimeZoneProviders.Tzdb[zoneId], Catalogue.Resolve(name));
    }

    [Fact] // R-TZ: SystemV standard-time zones are fixed offsets
    public void SystemV_standard_time_is_a_fixed_offset()
    {
        var zone = Catalogue.Resolve("SystemV/EST5");
        var midsummer = Instant.FromUtc(2026, 7, 1, 12, 0);

        Assert.Equal(Offset.FromHours(-5), zone.GetUtcOffset(midsummer));
        Assert.Equal(Offset.FromHours(-5), zone.GetUtcOffset(Instant.FromUtc(2026, 1, 1, 12, 0)));
    }

    [Theory] // R-TZ: an unknown name suggests the closest valid name
    [InlineData("America/New_Yrok", "America/New_York")]
    [InlineData("Europe/Londn", "Europe/London")]
    [InlineData("new york", "America/New_York")]
    [InlineData("Asia/Calcuta", "Asia/Calcutta")]
    [InlineData("UTC+1", "UTC")]
    public void An_unknown_name_suggests_the_closest_valid_name(string typed, string expected)
    {
        Assert.Equal(expected, Catalogue.Closest(typed));
    }

    [Fact] // R-TZ: the demo tenant only uses names of the seed's list
    public void The_demo_tenants_time_zones_are_in_the_list()
    {
        var unknown = UserAdmin.Core.DemoData.DemoNames.TimeZones.Where(name => !Catalogue.TryCanonicalize(name, out var canonical) || canonical != name);

        Assert.Empty(unknown);
    }
}
