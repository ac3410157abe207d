using System.Globalization;

namespace UserAdmin.Benchmarks;

/// <summary>One row of the report: our time beside the raw baseline's, measured in the same run.</summary>
internal sealed record Measurement(string Id, string Name, double OursSeconds, double BaselineSeconds, double PeakRssMegabytes)
{
    public double Ratio => BaselineSeconds <= 0 ? double.PositiveInfinity : OursSeconds / BaselineSeconds;

    public string Line() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Id} {Name} ours={OursSeconds:0.000} baseline={BaselineSeconds:0.000} ratio={Ratio:0.00} peak_rss_mb={PeakRssMegabytes:0}");
}

/// <summary>P4: how a figure grows when the input grows tenfold.</summary>
internal sealed record Growth(string Name, double SmallSeconds, double LargeSeconds)
{
    public double Factor => SmallSeconds <= 0 ? double.PositiveInfinity : LargeSeconds / SmallSeconds;

    public string Line() => string.Create(CultureInfo.InvariantCulture, $"P4 {Name} growth={Factor:0.00}");
}
