using GoldBot.Execution;
using GoldBot.Hosting;
using GoldBot.Monitoring;
using GoldBot.Pipeline;
using GoldBot.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GoldBot.IntegrationTests;

/// <summary>
/// The real daemon (<see cref="DaemonRunner"/>, Mode Sim, the repository's configuration) running
/// against a <see cref="SimulatedMarket"/>, with its monitoring files in a temporary folder. The
/// test reads its services to know when it has handled what the market did.
/// </summary>
internal sealed class DaemonUnderTest : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<IServiceProvider> _services = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private Task<int>? _run;

    private DaemonUnderTest(string folder) => Folder = folder;

    /// <summary>Folder of logs/ and the control files.</summary>
    public string Folder { get; }

    /// <summary>Monitoring folder.</summary>
    public string Logs => Path.Combine(Folder, "logs");

    /// <summary>The daemon's services once its host has started.</summary>
    public IServiceProvider Services => _services.Task.IsCompletedSuccessfully ? _services.Task.Result : throw new InvalidOperationException("daemon not started");

    /// <summary>What the daemon printed.</summary>
    public string Output => _output.ToString();

    /// <summary>What the daemon printed on stderr.</summary>
    public string Errors => _error.ToString();

    /// <summary>Starts the daemon in Sim mode against <paramref name="market"/>, in <paramref name="folder"/> (a new temporary folder by default).</summary>
    public static async Task<DaemonUnderTest> StartAsync(SimulatedMarket market, string? folder = null, IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var daemon = new DaemonUnderTest(folder ?? Directory.CreateTempSubdirectory("goldbot-sim-").FullName);
        var settings = new Dictionary<string, string?>
        {
            ["Mode"] = "Sim",
            ["TopstepX:SimulatorUrl"] = market.BaseUrl.ToString(),
            ["TopstepX:UserName"] = "goldbot",
            ["TopstepX:ApiKey"] = "sim-api-key",
            ["Monitoring:LogDirectory"] = daemon.Logs,
            ["Monitoring:ConsoleLevel"] = "Warning",
            ["Controls:Directory"] = daemon.Folder,
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
            settings[key] = value;
        var config = Path.Combine(SharedData.RepoRoot, "config", "appsettings.json");
        daemon._run = Task.Run(() => DaemonRunner.RunAsync(new RunArguments(config, null, null, settings), daemon._output, daemon._error, daemon._stop.Token,
            services => services.AddHostedService(sp => new Probe(sp, daemon._services))));
        var started = await Task.WhenAny(daemon._services.Task, daemon._run, Task.Delay(TimeSpan.FromSeconds(60)));
        Assert.True(started == daemon._services.Task, $"the daemon did not start: {daemon.Errors}{daemon.Output}");
        return daemon;
    }

    /// <summary>The executor's view of the position.</summary>
    public PositionState Position => Services.GetRequiredService<OrderExecutor>().Position;

    /// <summary>Trades the journal has closed.</summary>
    public IReadOnlyList<TradeRecord> ClosedTrades => Services.GetRequiredService<TradeJournal>().ClosedTrades;

    /// <summary>Close time of the last bar the feed published.</summary>
    public DateTimeOffset? LastBarClose => Services.GetRequiredService<MonitoringState>().Snapshot().LastBarTime;

    /// <summary>
    /// Waits until the daemon has handled everything the market did: the bar closed by the last
    /// print (when <paramref name="barClose"/> is given) has been published, no pipeline message is
    /// pending, no entry is pending, and its position is the simulator's. Polls (real network in
    /// between); fails after 20 s.
    /// </summary>
    /// <param name="localFills">Paper mode: fills are simulated in the daemon, so its position is not the simulator's.</param>
    public async Task SettleAsync(SimulatedMarket market, DateTimeOffset? barClose, bool localFills = false)
    {
        var work = Services.GetRequiredService<PipelineChannels>().Work;
        var deadline = DateTime.UtcNow.AddSeconds(20);
        var quietRounds = 0;
        while (DateTime.UtcNow < deadline)
        {
            var account = await market.AccountAsync();
            var settled = (barClose is null || LastBarClose >= barClose) && work.Pending == 0 && (localFills || (!Position.EntryPending
                && Position.Position == account.Position && (account.Position == 0 || account.WorkingOrders.Any(o => o.Type == GatewaySimulator.Engine.OrderType.Stop))));
            quietRounds = settled ? quietRounds + 1 : 0;
            if (quietRounds >= 3)
                return;
            await Task.Delay(10);
        }
        Assert.Fail($"the daemon did not settle: position {Position}, last bar {LastBarClose:O}, expected {barClose:O}; {Errors}");
    }

    /// <summary>Stops the daemon (as Ctrl+C does) and returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await _stop.CancelAsync();
        return await _run!;
    }

    public async ValueTask DisposeAsync()
    {
        if (_run is { IsCompleted: false })
            await StopAsync();
        _stop.Dispose();
    }

    private sealed class Probe(IServiceProvider services, TaskCompletionSource<IServiceProvider> started) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            started.TrySetResult(services);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
