using GoldBot.Configuration;
using GoldBot.Market;

namespace GoldBot.Tests.Configuration;

public sealed class SettingsLoaderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("goldbot-config-").FullName;
    private static readonly Dictionary<string, string?> NoOverrides = [];
    private static readonly Dictionary<string, string?> NoEnvironment = [];

    private string Config(string json)
    {
        var path = Path.Combine(_dir, "appsettings.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void The_repository_configuration_loads_with_the_Topstep_50K_defaults()
    {
        var settings = SettingsLoader.Load(Path.Combine(SharedData.RepoRoot, "config", "appsettings.json"), NoOverrides, NoEnvironment);
        Assert.Equal(800m, settings.Risk.DailyLossLimit);
        Assert.Equal(2000m, settings.Risk.MaxLossLimit);
        Assert.Equal(new TimeOnly(15, 8), settings.Risk.FlatBy);
        Assert.Equal(new ContractSpec("MGC", 0.10m, 1.00m, 1), settings.Contract());
        Assert.Equal(["order_block"], settings.Strategy.Patterns.Distinct());
        Assert.Single(settings.Risk.NewsBlackouts);
    }

    [Fact]
    public void Environment_variables_override_the_file_and_the_command_line_overrides_both()
    {
        var path = Config("""{ "Risk": { "DailyLossLimit": 700, "MaxRiskPerTrade": 300 } }""");
        var settings = SettingsLoader.Load(path, new Dictionary<string, string?> { ["Risk:MaxRiskPerTrade"] = "250" },
            new Dictionary<string, string?> { ["GOLDBOT__Risk__DailyLossLimit"] = "600", ["GOLDBOT__Risk__MaxRiskPerTrade"] = "400", ["OTHER"] = "x" });
        Assert.Equal(600m, settings.Risk.DailyLossLimit);
        Assert.Equal(250m, settings.Risk.MaxRiskPerTrade);
    }

    [Fact]
    public void Every_violation_is_reported_at_once_with_its_key_and_rule()
    {
        var path = Config("""
            {
              "Risk": { "DailyLossLimit": 0, "MaxContracts": 2, "DefaultContracts": 5, "TradingWindowStart": "15:30" },
              "Strategy": { "MinScore": 0, "EntryTimeFrame": "15x" },
              "Monitoring": { "StatusIntervalSeconds": 0 },
              "Execution": { "LimitTradeThroughTicks": -1 },
              "Instrument": { "Symbol": "ZZZ" }
            }
            """);
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(path, NoOverrides, NoEnvironment));
        var lines = e.Message.Split(Environment.NewLine);
        Assert.Contains(lines, l => l.StartsWith("Risk:DailyLossLimit: ", StringComparison.Ordinal) && l.Contains("between 1 and", StringComparison.Ordinal));
        Assert.Contains("Risk:DefaultContracts must not exceed Risk:MaxContracts", lines);
        Assert.Contains("Risk:TradingWindowStart must be before Risk:TradingWindowEnd", lines);
        Assert.Contains("Strategy:MinScore must be between 1 and 10", lines);
        Assert.Contains(lines, l => l.StartsWith("Strategy:EntryTimeFrame: '15x' is not a time frame", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Monitoring:StatusIntervalSeconds: ", StringComparison.Ordinal));
        Assert.Contains("Execution:LimitTradeThroughTicks must be ≥ 0", lines);
        Assert.Contains(lines, l => l.StartsWith("Instrument:Symbol 'ZZZ' has no specification", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_key_is_an_error_not_a_silent_default()
    {
        var path = Config("""{ "Risk": { "DailyLosLimit": 500 } }""");
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(path, NoOverrides, NoEnvironment));
        Assert.Contains("DailyLosLimit", e.Message);
    }

    [Fact]
    public void A_value_that_does_not_convert_names_its_key()
    {
        var path = Config("""{ "Risk": { "DailyLossLimit": "lots" } }""");
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(path, NoOverrides, NoEnvironment));
        Assert.Contains("Risk:DailyLossLimit", e.Message);
    }

    [Fact]
    public void Live_mode_is_refused_until_the_gateway_client_exists()
    {
        var path = Config("""{ "Broker": { "Mode": "Live" } }""");
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(path, NoOverrides, NoEnvironment));
        Assert.Contains("Broker:Mode Live is not available", e.Message);
    }

    [Fact]
    public void A_missing_configuration_file_is_named()
    {
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(Path.Combine(_dir, "none.json"), NoOverrides, NoEnvironment));
        Assert.Equal($"configuration file not found: {Path.Combine(_dir, "none.json")}", e.Message);
    }

    [Fact]
    public void Malformed_json_is_a_settings_error()
    {
        var path = Config("""{ "Risk": { """);
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(path, NoOverrides, NoEnvironment));
        Assert.Contains("not valid JSON", e.Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
