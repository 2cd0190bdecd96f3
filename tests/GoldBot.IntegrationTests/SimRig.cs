using System.Collections.Concurrent;
using GoldBot.Chaos;
using GoldBot.Configuration;
using GoldBot.Execution;
using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Faults;
using GoldBot.MarketData;
using GoldBot.Monitoring;
using GoldBot.Simulation;
using GoldBot.Strategy;
using GoldBot.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace GoldBot.IntegrationTests;

/// <summary>
/// The real daemon (sim mode, the repository's configuration) and the gateway simulator in one process on one
/// virtual clock (<see cref="InProcessRun"/>), over real HTTP and SignalR on loopback, replaying the real MGC
/// 3-minute bars from a chosen bar (the bars before it are history). The test moves market time; every step waits
/// until both sides have handled everything, so what happens does not depend on how fast the machine is.
/// </summary>
internal sealed class SimRig : IAsyncDisposable
{
    private static readonly Lazy<BarFile> Mgc = new(() => BarCsvReader.Read(SharedData.MgcBars));
    private readonly InProcessRunOptions _options;
    private readonly ConcurrentQueue<GoldBot.Market.Bar> _barsSeen;

    private SimRig(InProcessRun run, InProcessRunOptions options, AccountInvariants invariants, ConcurrentQueue<GoldBot.Market.Bar> barsSeen)
    {
        Run = run;
        _options = options;
        Invariants = invariants;
        _barsSeen = barsSeen;
    }

    /// <summary>The simulated account.</summary>
    public const int AccountId = 1001;

    /// <summary>The MGC bars replayed.</summary>
    public static IReadOnlyList<GoldBot.Market.Bar> Bars => Mgc.Value.Bars;

    /// <summary>The run.</summary>
    public InProcessRun Run { get; }

    /// <summary>Starts the simulator at the bar opening at <paramref name="start"/> (UTC) and the daemon against it.</summary>
    /// <param name="settings">Configuration keys for the daemon.</param>
    /// <param name="simulator">Changes to the simulator's options.</param>
    /// <param name="folder">The daemon's folder (a new temporary one when null).</param>
    /// <param name="prepare">Runs on the simulator before the daemon starts (a position already open, a market mid-bar).</param>
    public static async Task<SimRig> StartAsync(DateTimeOffset start, IReadOnlyDictionary<string, string?>? settings = null,
        Action<GoldBot.GatewaySimulator.Hosting.GatewaySimulatorOptions>? simulator = null, string? folder = null,
        Func<GoldBot.GatewaySimulator.Hosting.SimulatedGateway, Task>? prepare = null)
    {
        var config = Path.Combine(SharedData.RepoRoot, "config", "appsettings.json");
        var barsSeen = new ConcurrentQueue<GoldBot.Market.Bar>();
        var options = new InProcessRunOptions
        {
            ConfigureServices = services => services.AddSingleton<ISignalSource>(sp => new BarRecorder(
                (ISignalSource?)sp.GetService<GoldBot.Intermarket.DollarFilterGate>() ?? sp.GetRequiredService<OrderBlockStrategy>(), barsSeen)),
            Bars = Mgc.Value,
            MarketStart = start,
            ConfigFile = config,
            Settings = settings ?? new Dictionary<string, string?>(),
            ConfigureSimulator = simulator,
            Folder = folder,
            Prepare = prepare,
        };
        // The daemon's risk rules and contract, for the invariants (read as a replay: paper mode would ask for credentials here).
        var invariants = AccountInvariants.For(SettingsLoader.Load(config, new Dictionary<string, string?>(options.Settings) { ["Mode"] = "Replay" }));
        return new SimRig(await InProcessRun.StartAsync(options, CancellationToken.None), options, invariants, barsSeen);
    }

    /// <summary>Every bar the strategy has been given, in order (all the daemon's runs, restarts included; warm-up history excluded).</summary>
    public IReadOnlyList<GoldBot.Market.Bar> BarsSeen => [.. _barsSeen];

    /// <summary>The chaos campaign's invariants, judged from the simulator's account at every step the rig plays.</summary>
    public AccountInvariants Invariants { get; }

    /// <summary>Invariants that failed so far (see <see cref="AccountInvariants"/>).</summary>
    public IReadOnlyList<ChaosViolation> Violations => Invariants.Violations;

    /// <summary>The daemon's services.</summary>
    public IServiceProvider Services => Run.Services;

    /// <summary>The executor's view of the position (read while the run is settled).</summary>
    public PositionState Position => Services.GetRequiredService<OrderExecutor>().Position;

    /// <summary>The executor (read while the run is settled).</summary>
    public OrderExecutor Executor => Services.GetRequiredService<OrderExecutor>();

    /// <summary>Trades the journal has closed.</summary>
    public IReadOnlyList<TradeRecord> ClosedTrades => Services.GetRequiredService<TradeJournal>().ClosedTrades;

    /// <summary>The daemon's monitoring folder.</summary>
    public string Logs => Run.Logs;

    /// <summary>What the daemon printed on stderr.</summary>
    public string Errors => Run.Errors;

    /// <summary>Market time.</summary>
    public DateTimeOffset Now => Run.Clock.GetUtcNow();

    /// <summary>
    /// Plays the market up to just before <paramref name="until"/> (what happens at <paramref name="until"/> itself is not
    /// played), stepping at every price point and timer (every second while the account holds a position or orders);
    /// <paramref name="at"/> runs after every settled step with the market time.
    /// </summary>
    public Task PlayAsync(DateTimeOffset until, Func<DateTimeOffset, Task>? at = null) => Run.AdvanceAsync(until.AddMilliseconds(-1), observe: async now =>
    {
        await Invariants.ObserveAsync(Run.Gateway, now, CancellationToken.None);
        if (at is not null)
            await at(now);
    });

    /// <summary>The daemon's log so far.</summary>
    public string Log => string.Concat(Directory.GetFiles(Logs, "goldbot-*.log").Select(File.ReadAllText));

    /// <summary>The bar source of the daemon (bars backfilled from History, late prints…).</summary>
    public TradeStreamBarSource BarSource => (TradeStreamBarSource)Services.GetRequiredService<IMarketDataSource>();

    /// <summary>Bars the daemon's feed published.</summary>
    public int BarsPublished => Services.GetRequiredService<GoldBot.Reporting.RunStatistics>().Bars;

    /// <summary>Creates an operator control file (e.g. <c>FLATTEN_ALL.txt</c>) in the daemon's folder.</summary>
    public void Control(string file, string content = "") => File.WriteAllText(Path.Combine(Run.Folder, file), content);

    /// <summary>Places an order straight in the simulator's engine (an order GoldBot did not send: by hand on the platform, or before a restart).</summary>
    public static Task PlaceAsync(GoldBot.GatewaySimulator.Hosting.SimulatedGateway gateway, GoldBot.GatewaySimulator.Engine.OrderSide side, GoldBot.GatewaySimulator.Engine.OrderType type, int size, decimal? stop = null, decimal? limit = null, string? tag = null) =>
        gateway.ExecuteAsync((engine, events) => engine.Place(new PlaceOrderCommand(AccountId, gateway.Replay.ContractId, (int)type, (int)side, size, limit, stop, null, tag, null, null), events),
            CancellationToken.None);

    /// <summary>Switches simulator faults on.</summary>
    public Task FaultAsync(FaultRequest faults) => Run.FaultAsync(faults);

    /// <summary>The account's signed position in the MGC contract, its working orders, its balance (USD) and its trades.</summary>
    public Task<AccountState> AccountAsync() => AccountOf(Run.Gateway);

    /// <summary>The simulated account of <paramref name="gateway"/> (see <see cref="AccountAsync"/>).</summary>
    public static Task<AccountState> AccountOf(GoldBot.GatewaySimulator.Hosting.SimulatedGateway gateway) => gateway.ReadAsync(g => new AccountState(
        g.Engine.Positions.Where(p => p.AccountId == AccountId && p.Size > 0).Sum(p => p.SignedSize),
        [.. g.Engine.Orders.Where(o => o.AccountId == AccountId && o.IsWorking)],
        g.Engine.Account(AccountId)!.Balance,
        [.. g.Engine.Trades.Where(t => t.AccountId == AccountId)],
        [.. g.Engine.Orders.Where(o => o.AccountId == AccountId)]), CancellationToken.None);

    /// <summary>Requests the simulator's rate limiters refused (injected 429s not counted).</summary>
    public long RateLimitRejections => Run.RateLimitRejections;

    /// <summary>Stops the daemon (as Ctrl+C does) and returns its exit code.</summary>
    public Task<int> StopAsync() => Run.StopDaemonAsync();

    /// <summary>Moves the market alone (no daemon running) to just before <paramref name="until"/>.</summary>
    public Task PlayWhileDownAsync(DateTimeOffset until) => Run.PlayMarketAloneAsync(until.AddMilliseconds(-1), CancellationToken.None);

    /// <summary>Starts the daemon again on the same folder and simulator.</summary>
    public Task RestartAsync() => Run.RestartDaemonAsync(_options, CancellationToken.None);

    public ValueTask DisposeAsync() => Run.DisposeAsync();
}

/// <summary>Records each bar the strategy is given, then hands it on.</summary>
internal sealed class BarRecorder(ISignalSource strategy, ConcurrentQueue<GoldBot.Market.Bar> bars) : ISignalSource
{
    public void OnBar(in GoldBot.Market.Bar bar, ICollection<TradeSignal> signals)
    {
        bars.Enqueue(bar);
        strategy.OnBar(bar, signals);
    }
}

/// <summary>What the simulator holds for the account.</summary>
internal sealed record AccountState(
    int Position,
    IReadOnlyList<SimOrder> WorkingOrders,
    decimal Balance,
    IReadOnlyList<SimTrade> Trades,
    IReadOnlyList<SimOrder> AllOrders)
{
    /// <summary>Every order tag was used once: no order was placed twice (an entry per signal, a stop per attempt).</summary>
    public bool EveryTagUsedOnce => AllOrders.Count == AllOrders.Select(o => o.CustomTag).Distinct().Count();
}
