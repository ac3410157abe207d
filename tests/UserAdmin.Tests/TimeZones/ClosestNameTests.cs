using UserAdmin.Core.Naming;

namespace UserAdmin.Tests.TimeZones;

public sealed class ClosestNameTests
{
    private static readonly ClosestName Teams = new(["Alpha", "Bravo", "Charlie", "Support Tier 2"]);

    [Theory] // R-IMP-4: did-you-mean for unknown reference names
    [InlineData("Alpah", "Alpha")]
    [InlineData("bravo ", "Bravo")]
    [InlineData("support_tier_2", "Support Tier 2")]
    [InlineData("Charly", "Charlie")]
    public void A_typo_suggests_the_name_meant(string typed, string expected)
    {
        Assert.Equal(expected, Teams.Suggest(typed));
    }

    [Theory] // R-IMP-4: no suggestion that would mislead
    [InlineData("Zulu Squad")]
    [InlineData("Finance")]
    public void A_name_far_from_all_candidates_gets_no_suggestion(string typed)
    {
        Assert.Null(Teams.Suggest(typed));
    }

    [Fact]
    public void No_candidates_means_no_suggestion()
    {
        Assert.Null(new ClosestName([]).Closest("anything"));
    }
}
