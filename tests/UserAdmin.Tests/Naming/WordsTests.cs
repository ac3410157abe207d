using NodaTime;
using NodaTime.Testing;
using UserAdmin.Core.Naming;
using UserAdmin.Core.Tenancy;

namespace UserAdmin.Tests.Naming;

/// <summary>R-UX-4: counts agree with their nouns, times name their zone.</summary>
public sealed class WordsTests
{
    [Theory] // R-UX-4
    [InlineData(0, "pair", null, "0 pairs")]
    [InlineData(1, "pair", null, "1 pair")]
    [InlineData(2, "pair", null, "2 pairs")]
    [InlineData(1, "entry", "entries", "1 entry")]
    [InlineData(3, "entry", "entries", "3 entries")]
    [InlineData(2000, "pair", null, "2,000 pairs")]
    [InlineData(-1, "row", null, "-1 rows")]
    public void A_count_agrees_with_its_noun(long count, string singular, string? plural, string expected) =>
        Assert.Equal(expected, Counted.Of(count, singular, plural));

    [Theory] // R-UX-4
    [InlineData("UTC", false, "2026-06-15 09:00 UTC")]
    [InlineData("UTC", true, "2026-06-15 09:00:05 UTC")]
    [InlineData("Europe/Berlin", false, "2026-06-15 11:00 Europe/Berlin")]
    [InlineData("America/New_York", true, "2026-06-15 05:00:05 America/New_York")]
    public void A_time_is_shown_in_the_tenants_zone_and_names_it(string zone, bool seconds, string expected)
    {
        var at = Instant.FromUtc(2026, 6, 15, 9, 0, 5);
        var clock = new TenantClock(new FakeClock(at), DateTimeZoneProviders.Tzdb[zone]);

        Assert.Equal(expected, clock.WithZone(at, seconds));
    }
}
