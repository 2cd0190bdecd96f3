using GoldBot.Configuration;

namespace GoldBot.Tests.Configuration;

/// <summary><c>Strategy:DollarFilter:ProxySymbol</c> and <c>Invert</c> against the run mode: refused with their keys, all at once.</summary>
public sealed class DollarProxySettingsTests
{
    private static readonly Dictionary<string, string?> NoEnvironment = [];
    private static string RepositoryConfig => Path.Combine(SharedData.RepoRoot, "config", "appsettings.json");

    [Fact]
    public void Sim_mode_with_the_filter_on_needs_a_proxy_symbol()
    {
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(RepositoryConfig, new Dictionary<string, string?>
        {
            ["Mode"] = "Sim",
            ["Strategy:DollarFilter:Mode"] = "Block",
        }, NoEnvironment));

        Assert.Contains("Strategy:DollarFilter:ProxySymbol is required", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Euro_fx_read_as_the_dollar_without_invert_is_refused()
    {
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(RepositoryConfig, new Dictionary<string, string?>
        {
            ["Mode"] = "Sim",
            ["Strategy:DollarFilter:Mode"] = "SizeDown",
            ["Strategy:DollarFilter:ProxySymbol"] = "M6E",
        }, NoEnvironment));

        Assert.Contains("Strategy:DollarFilter:Invert must be true for ProxySymbol M6E", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Off_needs_nothing_and_a_replay_may_run_without_a_proxy()
    {
        SettingsLoader.Load(RepositoryConfig, new Dictionary<string, string?> { ["Mode"] = "Sim" }, NoEnvironment);
        var settings = SettingsLoader.Load(RepositoryConfig, new Dictionary<string, string?>
        {
            ["Strategy:DollarFilter:Mode"] = "Block",
            ["Strategy:DollarFilter:ProxySymbol"] = "6E",
            ["Strategy:DollarFilter:Invert"] = "true",
        }, NoEnvironment);

        Assert.Equal("6E", settings.Strategy.DollarFilter.ProxySymbol);
        Assert.Null(settings.Strategy.DollarFilter.ProxyBarsFile);
    }
}
