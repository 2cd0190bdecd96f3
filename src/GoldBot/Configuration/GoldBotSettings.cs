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
    /// <summary>The configuration section of the daemon's log, read by Serilog (<see cref="Hosting.DaemonLog"/>), not bound here.</summary>
    public const string LoggingSection = "Serilog";

    /// <summary>The contract traded.</summary>
    public InstrumentSettings Instrument { get; init; } = new();

    /// <summary>Contract specifications by root symbol; merged over the built-in MGC, GC, MES and ES.</summary>
    public Dictionary<string, ContractSettings> Contracts { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Where bars come from in a replay.</summary>
    public ReplaySettings Replay { get; init; } = new();

    /// <summary>Where market data comes from and where orders go: a replay (default), the gateway simulator, paper or live.</summary>
    public RunMode Mode { get; init; } = RunMode.Replay;

    /// <summary>The ProjectX Gateway (TopstepX) connection, used in Sim, Paper and Live modes.</summary>
    public TopstepXSettings TopstepX { get; init; } = new();

    /// <summary>Strategy parameters.</summary>
    public StrategyOptions Strategy { get; init; } = new();

    /// <summary>Risk limits.</summary>
    public RiskOptions Risk { get; init; } = new();

    /// <summary>The learning system (issue 13): its policy and bounds.</summary>
    public Learning.LearningOptions Learning { get; init; } = new();

    /// <summary>Costs and slippage of simulated fills, and the order executor's protection timings.</summary>
    public ExecutionOptions Execution { get; init; } = new();

    /// <summary>Monitoring files and logs.</summary>
    public MonitoringSettings Monitoring { get; init; } = new();

    /// <summary>Operator control files.</summary>
    public ControlSettings Controls { get; init; } = new();

    /// <summary>Outbound alerts (Telegram, Discord, Slack, a JSON webhook) and Telegram commands; every channel off by default.</summary>
    public Alerts.AlertSettings Alerts { get; init; } = new();

    /// <summary>The durable state store (Sim and Live modes).</summary>
    public StateSettings State { get; init; } = new();

    /// <summary>The CME session calendar file (holidays and early closes).</summary>
    public CalendarSettings Calendar { get; init; } = new();

    /// <summary>
    /// The <see cref="LoggingSection"/> keys as configured (file, environment, command line), by full path; empty when none is.
    /// Set by <see cref="SettingsLoader"/> (not a bound property: Serilog reads and <see cref="LoggingSectionCheck"/> checks them).
    /// </summary>
    internal IReadOnlyList<KeyValuePair<string, string?>> Logging { get; set; } = [];

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
    [Range(0, SettingsValidator.MaxReplaySpeed)]
    public double Speed { get; init; }

    /// <summary>
    /// The clock of the bars file's stamps that carry no UTC offset: <c>utc</c>, <c>new-york-close</c> (MetaTrader 5 broker server
    /// time, UTC+2/+3 on the US DST calendar) or an IANA id (<see cref="MarketData.BarTimeZone.Parse"/>); empty (the default): UTC,
    /// or new-york-close for a file whose name contains <c>servertime</c>. Stamps with an offset always use their own. Set by <c>--time-zone</c>.
    /// </summary>
    public string? TimeZone { get; init; }

    /// <summary>What to do with a bad row.</summary>
    public BadBarPolicy BadBarPolicy { get; init; } = BadBarPolicy.Skip;

    /// <summary>
    /// Most bad rows a bars file may have, percent of its rows (default 1): a file with more is refused (exit 2), since a run
    /// over what is left would not be a run over that file.
    /// </summary>
    [Range(0, 100)]
    public double MaxSkippedRowsPercent { get; init; } = 1;
}

/// <summary>The daemon's modes: one pipeline, with the market-data source and the broker swapped.</summary>
public enum RunMode
{
    /// <summary>Bars from a file, simulated fills, market time from the bars (the default; no credentials).</summary>
    Replay,

    /// <summary>Market data and orders through the local gateway simulator (<c>goldbot-sim</c>) over HTTP and SignalR.</summary>
    Sim,

    /// <summary>Real TopstepX market data, fills simulated locally: places nothing. Needs credentials.</summary>
    Paper,

    /// <summary>Real orders on the TopstepX account. Needs <c>--live</c>, credentials from the environment and <c>TopstepX:AccountId</c>.</summary>
    Live,
}

/// <summary>What to do with an open position found at start-up that this run did not open.</summary>
public enum UnknownPositionAction
{
    /// <summary>Adopt it: keep its working stop, or place one <see cref="TopstepXSettings.AdoptStopTicks"/> from its average price.</summary>
    Protect,

    /// <summary>Close it at the market.</summary>
    Flatten,
}

/// <summary>
/// The ProjectX Gateway connection (<c>research/topstepx-api.md</c> §1–2). Credentials come from
/// the environment (<c>GOLDBOT__TopstepX__UserName</c>, <c>GOLDBOT__TopstepX__ApiKey</c>) and are never logged.
/// </summary>
public sealed class TopstepXSettings
{
    /// <summary>REST base address. Sim mode uses <see cref="SimulatorUrl"/> instead.</summary>
    [Required]
    public string ApiBaseUrl { get; init; } = "https://api.topstepx.com";

    /// <summary>Market hub address.</summary>
    [Required]
    public string MarketHubUrl { get; init; } = "https://rtc.topstepx.com/hubs/market";

    /// <summary>User hub address.</summary>
    [Required]
    public string UserHubUrl { get; init; } = "https://rtc.topstepx.com/hubs/user";

    /// <summary>Address of the local gateway simulator in Sim mode (REST there, hubs at /hubs/market and /hubs/user).</summary>
    [Required]
    public string SimulatorUrl { get; init; } = "http://127.0.0.1:5200";

    /// <summary>TopstepX user name (from the environment).</summary>
    public string UserName { get; init; } = "";

    /// <summary>ProjectX API key (from the environment; never logged).</summary>
    public string ApiKey { get; init; } = "";

    /// <summary>Account to trade. Required live; elsewhere the only tradable account is used when unset.</summary>
    public long? AccountId { get; init; }

    /// <summary>What to do with an open position found at start-up.</summary>
    public UnknownPositionAction UnknownPosition { get; init; } = UnknownPositionAction.Protect;

    /// <summary>Stop distance for an adopted position without a working stop, ticks from its average price.</summary>
    [Range(1, 10_000)]
    public int AdoptStopTicks { get; init; } = 100;

    /// <summary>Length of the bars built from live trades and loaded as history, e.g. <c>3m</c> (the strategy's time frames must be multiples of it).</summary>
    [Required]
    public string BarTimeFrame { get; init; } = "3m";

    /// <summary>Bars of history loaded at start to warm up the detector (the strategy's time frames need about 10 days of 3-minute bars).</summary>
    [Range(0, 20_000)]
    public int WarmupBars { get; init; } = 5_000;

    /// <summary>Seconds a REST request may take before the client gives up on it (an order is then looked up by its tag before anything is sent again).</summary>
    [Range(1, 120)]
    public int RequestTimeoutSeconds { get; init; } = 15;

    /// <summary>Seconds after a bar's close to wait for its last trade prints before publishing it.</summary>
    [Range(0, 60)]
    public double BarCloseGraceSeconds { get; init; } = 2;

    /// <summary>
    /// Seconds without a quote or a trade print, while the market is open, after which the feed counts as stale:
    /// new entries are blocked and the market hub is rebuilt (halts, weekends and holidays are never stale).
    /// </summary>
    [Range(5, 3600)]
    public double StaleFeedSeconds { get; init; } = 60;

    /// <summary>True when both credentials are present.</summary>
    public bool HasCredentials => !string.IsNullOrWhiteSpace(UserName) && !string.IsNullOrWhiteSpace(ApiKey);

    /// <inheritdoc/>
    public override string ToString() => $"TopstepX {ApiBaseUrl} user {(string.IsNullOrEmpty(UserName) ? "(none)" : UserName)} api key {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "(set)")}";
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

    /// <summary>
    /// What happens while a file GoldBot keeps (status.json, the journal, signals.log, the state store) cannot be written:
    /// <c>Continue</c> (the default: trading goes on, the failure is reported and the write retried) or <c>Stop</c> (no new
    /// entry until every file is written again; an open trade keeps its stop and targets).
    /// </summary>
    public GoldBot.Monitoring.WriteFailurePolicy OnWriteFailure { get; init; } = GoldBot.Monitoring.WriteFailurePolicy.Continue;

    /// <summary>Serilog minimum level for the console: Verbose, Debug, Information, Warning, Error.</summary>
    public Serilog.Events.LogEventLevel ConsoleLevel { get; init; } = Serilog.Events.LogEventLevel.Information;
}

/// <summary>
/// The state store: one SQLite database per account, <c>account-{id}.db</c> in <see cref="Directory"/>, holding the risk
/// state a restart resumes (maximum-loss floor, the day's start balance and P&amp;L, halts, trade counts). Used in Sim and
/// Live modes, whose account lives at the gateway; a replay and paper mode start a fresh simulated account each run.
/// </summary>
public sealed class StateSettings
{
    /// <summary>Folder of the account databases (relative to the working directory, like <c>logs</c>).</summary>
    [Required]
    public string Directory { get; init; } = "state";
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
