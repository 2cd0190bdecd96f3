using GoldBot.Configuration;
using GoldBot.Strategy;

namespace GoldBot.Tests.Configuration;

/// <summary><c>Strategy:DollarFilter</c>: off by default, every bad key reported at once with its rule.</summary>
public sealed class DollarFilterSettingsTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];
    private static string RepositoryConfig => Path.Combine(SharedData.RepoRoot, "config", "appsettings.json");

    [Fact]
    public void The_filter_is_off_by_default_and_configurable()
    {
        Assert.Equal(new DollarFilterOptions(), SettingsLoader.Load(RepositoryConfig, new Dictionary<string, string?>(), NoEnvironment).Strategy.DollarFilter);
        Assert.Equal(DollarFilterMode.Off, new DollarFilterOptions().Mode);

        var settings = SettingsLoader.Load(RepositoryConfig, new Dictionary<string, string?>
        {
            ["Strategy:DollarFilter:Mode"] = "SizeDown",
            ["Strategy:DollarFilter:Invert"] = "true",
            ["Strategy:DollarFilter:CorrelationWindowHours"] = "240",
            ["Strategy:DollarFilter:SizeFactor"] = "0.25",
        }, NoEnvironment);

        Assert.Equal(new DollarFilterOptions { Mode = DollarFilterMode.SizeDown, Invert = true, CorrelationWindowHours = 240, SizeFactor = 0.25m },
            settings.Strategy.DollarFilter);
    }

    [Fact]
    public void Out_of_range_values_are_each_reported_with_their_key()
    {
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(RepositoryConfig, new Dictionary<string, string?>
        {
            ["Strategy:DollarFilter:CorrelationWindowHours"] = "5",
            ["Strategy:DollarFilter:CorrelationThreshold"] = "0.3",
            ["Strategy:DollarFilter:TrendEmaHours"] = "1",
            ["Strategy:DollarFilter:SizeFactor"] = "0",
            ["Strategy:DollarFilter:MaxProxyAgeMinutes"] = "0",
        }, NoEnvironment));

        foreach (var key in new[] { "CorrelationWindowHours", "CorrelationThreshold", "TrendEmaHours", "SizeFactor", "MaxProxyAgeMinutes" })
            Assert.Contains($"Strategy:DollarFilter:{key}:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_mode_is_refused()
    {
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(RepositoryConfig,
            new Dictionary<string, string?> { ["Strategy:DollarFilter:Mode"] = "Sometimes" }, NoEnvironment));

        Assert.Contains("Strategy:DollarFilter:Mode", e.Message, StringComparison.Ordinal);
    }
}
