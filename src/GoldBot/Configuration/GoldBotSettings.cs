using System.ComponentModel.DataAnnotations;
using GoldBot.Execution;
using GoldBot.Market;
using GoldBot.Risk;
using GoldBot.Strategy;

namespace GoldBot.Configuration;

/// <summary>
/// Everything configurable, bound from <c>config/appsettings.json</c> and overridden by
/// environment variables <c>GOLDBOT__Section__Key</c> and the command line. Validated at start by
/// <see cref="SettingsValidator"/>, which reports every bad key at once.
/// </summary>
public sealed class GoldBotSettings
{
    /// <summary>The contract traded.</summary>
    public InstrumentSettings Instrument { get; init; } = new();

    /// <summary>Contract specifications by root symbol; merged over the built-in MGC, GC, MES and ES.</summary>
    public Dictionary<string, ContractSettings> Contracts { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where bars come from in a replay.</summary>
    public ReplaySettings Replay { get; init; } = new();

    /// <summary>Where orders go.</summary>
    public BrokerSettings Broker { get; init; } = new();

    /// <summary>Strategy parameters.</summary>
    public StrategyOptions Strategy { get; init; } = new();

    /// <summary>Risk limits.</summary>
    public RiskOptions Risk { get; init; } = new();

    /// <summary>Costs and slippage of simulated fills.</summary>
    public FillModelOptions Execution { get; init; } = new();

    /// <summary>Monitoring files and logs.</summary>
    public MonitoringSettings Monitoring { get; init; } = new();

    /// <summary>Operator control files.</summary>
    public ControlSettings Controls { get; init; } = new();

    /// <summary>The specification of <see cref="InstrumentSettings.Symbol"/>: configured, else built in.</summary>
    /// <exception cref="KeyNotFoundException">The symbol is neither configured nor built in.</exception>
    public ContractSpec Contract()
    {
        var symbol = Instrument.Symbol;
        if (Contracts.TryGetValue(symbol, out var c))
            return new ContractSpec(symbol.ToUpperInvariant(), c.TickSize, c.TickValue, c.MicroEquivalent);
        return ContractSpec.BuiltIn.TryGetValue(symbol, out var spec) ? spec
            : throw new KeyNotFoundException($"no contract specification for '{symbol}'");
    }
}

/// <summary>The contract traded.</summary>
public sealed class InstrumentSettings
{
    /// <summary>Root symbol, e.g. MGC.</summary>
    [Required]
    public string Symbol { get; init; } = "MGC";
}

/// <summary>A contract specification in configuration (see <see cref="ContractSpec"/>).</summary>
public sealed class ContractSettings
{
    /// <summary>Tick size in points.</summary>
    [Range(0.0000001, 1_000_000)]
    public decimal TickSize { get; init; }

    /// <summary>USD per tick per contract.</summary>
    [Range(0.0000001, 1_000_000)]
    public decimal TickValue { get; init; }

    /// <summary>Micro-contract equivalents per contract (minis 10).</summary>
    [Range(1, 100)]
    public int MicroEquivalent { get; init; } = 1;
}

/// <summary>Replay source settings.</summary>
public sealed class ReplaySettings
{
    /// <summary>Bars CSV, relative to the working directory unless absolute.</summary>
    [Required]
    public string BarsFile { get; init; } = "../shared/data/mgc_3m_topstepx_MGCG26_2025-11-23_2026-01-02.csv";

    /// <summary>0 = as fast as possible; N = N× real time.</summary>
    [Range(0, 1_000_000)]
    public double Speed { get; init; }

    /// <summary>What to do with a bad row.</summary>
    public BadBarPolicy BadBarPolicy { get; init; } = BadBarPolicy.Skip;
}

/// <summary>How orders are executed.</summary>
public enum BrokerMode
{
    /// <summary>Simulated fills (paper), on replayed bars.</summary>
    Paper,

    /// <summary>Real orders on TopstepX (not available in this version).</summary>
    Live,
}

/// <summary>Broker selection.</summary>
public sealed class BrokerSettings
{
    /// <summary>Paper (default) or Live.</summary>
    public BrokerMode Mode { get; init; } = BrokerMode.Paper;
}

/// <summary>Monitoring output settings.</summary>
public sealed class MonitoringSettings
{
    /// <summary>Folder of status.json, trades_today.json, all_trades.jsonl, signals.log and the daily logs.</summary>
    [Required]
    public string LogDirectory { get; init; } = "logs";

    /// <summary>Seconds of market time between status.json rewrites.</summary>
    [Range(1, 3600)]
    public int StatusIntervalSeconds { get; init; } = 30;

    /// <summary>Least wall-clock time between periodic status.json rewrites, so a fast replay does not rewrite it thousands of times a second.</summary>
    [Range(0, 60_000)]
    public int MinRealIntervalMilliseconds { get; init; } = 200;

    /// <summary>Serilog minimum level for the console: Verbose, Debug, Information, Warning, Error.</summary>
    public Serilog.Events.LogEventLevel ConsoleLevel { get; init; } = Serilog.Events.LogEventLevel.Information;
}

/// <summary>Control file settings.</summary>
public sealed class ControlSettings
{
    /// <summary>Folder watched for control files (the working directory by default).</summary>
    [Required]
    public string Directory { get; init; } = ".";

    /// <summary>Milliseconds of market time between scans (at most 1000: checked at least every second).</summary>
    [Range(50, 1000)]
    public int PollIntervalMilliseconds { get; init; } = 1000;
}
