using GoldBot.Execution;
using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Faults;
using GoldBot.MarketData;
using GoldBot.Monitoring;
using GoldBot.Simulation;
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

    private SimRig(InProcessRun run, InProcessRunOptions options)
    {
        Run = run;
        _options = options;
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
    public static async Task<SimRig> StartAsync(DateTimeOffset start, IReadOnlyDictionary<string, string?>? settings = null,
        Action<GoldBot.GatewaySimulator.Hosting.GatewaySimulatorOptions>? simulator = null, string? folder = null)
    {
        var options = new InProcessRunOptions
        {
            Bars = Mgc.Value,
            MarketStart = start,
            ConfigFile = Path.Combine(SharedData.RepoRoot, "config", "appsettings.json"),
            Settings = settings ?? new Dictionary<string, string?>(),
            ConfigureSimulator = simulator,
            Folder = folder,
        };
        return new SimRig(await InProcessRun.StartAsync(options, CancellationToken.None), options);
    }

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
    public Task PlayAsync(DateTimeOffset until, Func<DateTimeOffset, Task>? at = null) => Run.AdvanceAsync(until.AddMilliseconds(-1), observe: at);

    /// <summary>Switches simulator faults on.</summary>
    public Task FaultAsync(FaultRequest faults) => Run.FaultAsync(faults);

    /// <summary>The account's signed position in the MGC contract, its working orders, its balance (USD) and its trades.</summary>
    public Task<AccountState> AccountAsync() => Run.Gateway.ReadAsync(g => new AccountState(
        g.Engine.Positions.Where(p => p.AccountId == AccountId && p.Size > 0).Sum(p => p.SignedSize),
        [.. g.Engine.Orders.Where(o => o.AccountId == AccountId && o.IsWorking)],
        g.Engine.Account(AccountId)!.Balance,
        [.. g.Engine.Trades.Where(t => t.AccountId == AccountId)],
        [.. g.Engine.Orders.Where(o => o.AccountId == AccountId)]), CancellationToken.None);

    /// <summary>Requests the simulator's rate limiters refused (injected 429s not counted).</summary>
    public long RateLimitRejections => Run.RateLimitRejections;

    /// <summary>Stops the daemon (as Ctrl+C does) and returns its exit code.</summary>
    public Task<int> StopAsync() => Run.StopDaemonAsync();

    /// <summary>Starts the daemon again on the same folder and simulator.</summary>
    public Task RestartAsync() => Run.RestartDaemonAsync(_options, CancellationToken.None);

    public ValueTask DisposeAsync() => Run.DisposeAsync();
}

/// <summary>What the simulator holds for the account.</summary>
internal sealed record AccountState(
    int Position,
    IReadOnlyList<SimOrder> WorkingOrders,
    decimal Balance,
    IReadOnlyList<SimTrade> Trades,
    IReadOnlyList<SimOrder> AllOrders);
