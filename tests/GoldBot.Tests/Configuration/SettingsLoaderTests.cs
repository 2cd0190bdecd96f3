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
        Assert.Equal(["order_block"], settings.Strategy.EnabledPatterns);
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
    public void Binding_errors_unknown_keys_missing_offsets_and_rules_are_all_reported_together_by_key()
    {
        var path = Config("""
            {
              "Contracts": { "MGC": { "TickSize": 0.10, "TickValue": 1.00, "TickVal": 1.00 } },
              "Strategy": { "Entry": { "MaxOrderBlockAge": 0 } },
              "Risk": {
                "DailyLossLimit": "abc",
                "HalfRiskTrades": -1,
                "MaxContracts": 2,
                "DefaultContracts": 5,
                "NewsBlackouts": [
                  { "Name": "CPI", "Start": "2025-11-26T09:00:00", "End": "2025-11-26T10:00:00-06:00" },
                  { "Nam": "FOMC", "Start": "2025-12-10T12:30:00-06:00", "End": "2025-12-10T14:00:00-06:00" }
                ]
              }
            }
            """);
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(path, NoOverrides, NoEnvironment));
        var lines = e.Message.Split(Environment.NewLine);
        string[] expected =
        [
            "Contracts:MGC:TickVal is not a known key (did you mean Contracts:MGC:TickValue?)",
            "Risk:DailyLossLimit: 'abc' is not a number (e.g. 800 or 0.62)",
            "Risk:NewsBlackouts:0:Start: '2025-11-26T09:00:00' must include a UTC offset, e.g. 2025-12-10T12:30:00-06:00 for CT (without one it is read in this machine's time zone)",
            "Risk:NewsBlackouts:1:Nam is not a known key (did you mean Risk:NewsBlackouts:1:Name?)",
            "Risk:HalfRiskTrades: The field HalfRiskTrades must be between 0 and 10000.",
            "Risk:DefaultContracts must not exceed Risk:MaxContracts",
            "Strategy:Entry:MaxOrderBlockAge must be ≥ 1 bar, not 0",
        ];
        Assert.Equal(expected.Order(StringComparer.Ordinal), lines.Order(StringComparer.Ordinal));
        Assert.DoesNotContain("GoldBot.", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_from_the_environment_and_the_command_line_name_their_keys()
    {
        var path = Config("""{ "Risk": { "DailyLossLimit": 700 } }""");
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(path,
            new Dictionary<string, string?> { ["Mode"] = "1", ["Strategy:Trend:VolumeRatio"] = "NaN", ["Risk:FlatBy"] = "25:00" },
            new Dictionary<string, string?> { ["GOLDBOT__Riskk__MaxContracts"] = "3", ["GOLDBOT__Risk__TradingWindowEnd__Hour"] = "15" }));
        var lines = e.Message.Split(Environment.NewLine);
        Assert.Contains("Mode: '1' is not one of Replay, Sim, Paper, Live", lines);
        Assert.Contains("Strategy:Trend:VolumeRatio: 'NaN' is not a finite number", lines);
        Assert.Contains("Risk:FlatBy: '25:00' is not a time of day such as 08:30", lines);
        Assert.Contains("Riskk is not a known section (did you mean Risk?)", lines);
        Assert.Contains("Risk:TradingWindowEnd:Hour is not a known key (Risk:TradingWindowEnd takes a single value)", lines);
        Assert.Equal(5, lines.Length);
    }

    [Fact]
    public void A_rule_over_a_value_that_did_not_convert_is_not_judged_on_the_default()
    {
        // MaxRiskPerTrade 900 would exceed the default DailyLossLimit of 800: not worth a second line.
        var path = Config("""{ "Risk": { "MaxRiskPerTrade": 900, "DailyLossLimit": "lots" } }""");
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(path, NoOverrides, NoEnvironment));
        Assert.Equal("Risk:DailyLossLimit: 'lots' is not a number (e.g. 800 or 0.62)", e.Message);
    }

    [Fact]
    public void A_section_given_a_single_value_and_an_unnumbered_list_item_are_errors()
    {
        var path = Config("""{ "Replay": "fast", "Risk": { "NewsBlackouts": { "Name": "CPI" } } }""");
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(path, NoOverrides, NoEnvironment));
        var lines = e.Message.Split(Environment.NewLine);
        Assert.Contains("Replay is a section (keys such as Replay:…), not a single value: 'fast'", lines);
        Assert.Contains(lines, l => l.StartsWith("Risk:NewsBlackouts:Name is not a known key: the items of Risk:NewsBlackouts are numbered", StringComparison.Ordinal));
        Assert.Equal(2, lines.Length);
    }

    [Fact]
    public void A_blackout_with_an_offset_keeps_its_instant_and_keys_match_case_insensitively()
    {
        var path = Config("""
            {
              "risk": {
                "dailylosslimit": 700,
                "newsblackouts": [
                  { "name": "FOMC", "start": "2025-12-10T12:30:00-06:00", "end": "2025-12-10T20:00:00Z" }
                ]
              },
              "contracts": { "MGC": { "ticksize": 0.10, "tickvalue": 1.00 } }
            }
            """);
        var settings = SettingsLoader.Load(path, NoOverrides, NoEnvironment);
        var blackout = Assert.Single(settings.Risk.NewsBlackouts);
        Assert.Equal("FOMC", blackout.Name);
        Assert.Equal(new DateTimeOffset(2025, 12, 10, 18, 30, 0, TimeSpan.Zero), blackout.Start);
        Assert.Equal(TimeSpan.FromHours(-6), blackout.Start.Offset);
        Assert.Equal(new DateTimeOffset(2025, 12, 10, 20, 0, 0, TimeSpan.Zero), blackout.End);
        Assert.Equal(700m, settings.Risk.DailyLossLimit);
        Assert.Equal(0.10m, settings.Contract().TickSize);
    }

    [Fact]
    public void Strategy_detector_problems_are_listed_for_every_bad_property_under_their_section()
    {
        var path = Config("""
            {
              "Strategy": {
                "Entry": { "VolumeRatio": 0.5, "MinFairValueGapTicks": 0, "EqualLevelToleranceTicks": -1, "MinDisplacementTicks": 0 },
                "Trend": { "MaxOrderBlockAge": -5, "OteStart": 0.9, "OteEnd": 0.8 }
              }
            }
            """);
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(path, NoOverrides, NoEnvironment));
        string[] expected =
        [
            "Strategy:Entry:MinDisplacementTicks must be ≥ 1 tick, not 0",
            "Strategy:Entry:VolumeRatio must be a finite multiple ≥ 1 of the average volume, not 0.5",
            "Strategy:Entry:MinFairValueGapTicks must be ≥ 1 tick, not 0",
            "Strategy:Entry:EqualLevelToleranceTicks must be ≥ 0 ticks (0 = exactly equal), not -1",
            "Strategy:Trend:MaxOrderBlockAge must be ≥ 1 bar, not -5",
            "Strategy:Trend:OteEnd must be above OteStart (0.9) and below 1, not 0.8",
        ];
        Assert.Equal(expected, e.Message.Split(Environment.NewLine));
    }

    [Fact]
    public void Live_mode_needs_credentials_from_the_environment_and_an_explicit_account()
    {
        var path = Config("""{ "Mode": "Live" }""");
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(path, NoOverrides, NoEnvironment));
        Assert.Equal(
            [
                "Mode Live needs TopstepX credentials from the environment: GOLDBOT__TopstepX__UserName and GOLDBOT__TopstepX__ApiKey",
                "Mode Live needs an explicit account: TopstepX:AccountId (GOLDBOT__TopstepX__AccountId); `goldbot accounts` lists them",
            ], e.Message.Split(Environment.NewLine));

        var settings = SettingsLoader.Load(path, NoOverrides, new Dictionary<string, string?>
        {
            ["GOLDBOT__TopstepX__UserName"] = "trader", ["GOLDBOT__TopstepX__ApiKey"] = "secret-key", ["GOLDBOT__TopstepX__AccountId"] = "123",
        });
        Assert.Equal((RunMode.Live, 123L), (settings.Mode, settings.TopstepX.AccountId));
        Assert.DoesNotContain("secret-key", settings.TopstepX.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_configuration_file_is_named()
    {
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(Path.Combine(_dir, "none.json"), NoOverrides, NoEnvironment));
        Assert.Equal($"configuration file not found: {Path.Combine(_dir, "none.json")} (--config)", e.Message);
    }

    [Fact]
    public void Malformed_json_is_a_settings_error_with_its_line_and_column_counted_from_1()
    {
        var path = Config("{\n  \"Risk\": {\n    \"DailyLossLimit\": ,\n  }\n}");
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(path, NoOverrides, NoEnvironment));
        Assert.Equal($"configuration file {path} is not valid JSON at line 3, column 23: ',' is an invalid start of a value.", e.Message);
    }

    [Fact]
    public void A_value_past_int32_on_a_decimal_key_with_whole_number_bounds_is_out_of_range_not_a_crash()
    {
        var path = Config("""{ "Risk": { "DailyLossLimit": 9.3e18 } }""");
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(path, NoOverrides, NoEnvironment));
        Assert.Contains("Risk:DailyLossLimit: 9300000000000000000 is out of range (1 to 1000000)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_configured_pattern_list_replaces_the_default_and_contract_names_ignore_case()
    {
        var path = Config("""{ "Strategy": { "Patterns": [ "order_block", "order_block" ] }, "Instrument": { "Symbol": "mes" }, "Contracts": { "Mes": { "TickSize": 0.25, "TickValue": 1.25 } } }""");
        var settings = SettingsLoader.Load(path, NoOverrides, NoEnvironment);
        Assert.Equal(["order_block"], settings.Strategy.EnabledPatterns);
        Assert.Equal(new ContractSpec("MES", 0.25m, 1.25m, 1), settings.Contract());
    }

    [Fact]
    public void Values_that_would_be_accepted_and_then_fail_are_refused_at_start()
    {
        // A pattern that does not exist (no trade would ever be taken), a pace at which one bar takes years, and a commission
        // that overflows the money arithmetic.
        var path = Config("""{ "Strategy": { "Patterns": [ "inducement" ], "EntryMode": "stop", "ExitProfile": "trail", "TrailAtr": 0 }, "Replay": { "Speed": 1e-9 }, "Execution": { "CommissionPerSide": 7.9e28 }, "TopstepX": { "BarTimeFrame": "junk" } }""");
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(path, NoOverrides, NoEnvironment));
        var lines = e.Message.Split(Environment.NewLine);
        Assert.Contains("Strategy:Patterns: 'inducement' is not a pattern GoldBot trades (order_block, breaker_block, fair_value_gap, liquidity_sweep, ote)", lines);
        Assert.Contains("Strategy:EntryMode: 'stop' is not an entry mode (market, limit)", lines);
        Assert.Contains("Strategy:ExitProfile: 'trail' is not an exit profile (fixed_r, atr_trail, structure)", lines);
        Assert.Contains(lines, l => l.StartsWith("Strategy:TrailAtr", StringComparison.Ordinal));
        Assert.Contains("Replay:Speed must be 0 (as fast as possible) or at least 0.1 (a tenth of real time), not 1E-09", lines);
        Assert.Contains("Execution:CommissionPerSide must be between 0 and 100 USD per contract per side", lines);
        Assert.Contains(lines, l => l.StartsWith("TopstepX:BarTimeFrame: 'junk' is not a time frame", StringComparison.Ordinal)); // sim and live crashed on it
    }

    [Fact]
    public void The_default_size_must_fit_the_contract_limit_in_micro_equivalents()
    {
        var path = Config("""{ "Instrument": { "Symbol": "GC" }, "Risk": { "MaxContracts": 50, "DefaultContracts": 8 } }""");
        var e = Assert.Throws<SettingsException>(() => SettingsLoader.Load(path, NoOverrides, NoEnvironment));
        Assert.Contains("Risk:DefaultContracts 8 GC (80 micro equivalents) exceeds Risk:MaxContracts 50", e.Message);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
