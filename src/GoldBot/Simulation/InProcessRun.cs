using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using GoldBot.Gateway;
using GoldBot.GatewaySimulator.Faults;
using GoldBot.GatewaySimulator.Hosting;
using GoldBot.Hosting;
using GoldBot.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GoldBot.Simulation;

/// <summary>
/// The gateway simulator and the daemon (sim mode) in one process, on one virtual clock, talking real HTTP and
/// SignalR over loopback: the rig of the integration tests and of <c>goldbot chaos</c>. A driver moves the clock
/// (<see cref="AdvanceAsync"/>): before every step it waits until the run is <em>settled</em> (<see cref="SettleAsync"/>),
/// that is until nothing in either process can make progress without the clock moving; then it moves the clock to the
/// next instant anything is due (a price point, a timer of either side, an event of the driver's schedule) and plays
/// the simulator's prints up to it. So a run is decided by the bars, the seed of the faults and the code, never by how
/// fast the machine is: a loaded machine only takes longer.
/// <para>
/// Settled means, all at once: no pipeline message of the daemon waiting; no bar-source item unhandled; no hub connect
/// running; every HTTP request the daemon has in flight held by a simulator fault (answered late or never), and every
/// broker call of the executor waiting on such a request or on the client's rate limiter; no delayed user-event batch of
/// the simulator being sent; and every hub message the simulator sent consumed by the daemon's event pump, shown by a
/// sync marker sent after them and reached by the pump on each connected hub.
/// </para>
/// </summary>
public sealed class InProcessRun : IAsyncDisposable
{
    private static readonly TimeSpan SettleDeadline = TimeSpan.FromSeconds(120);
    private readonly GatewaySimulatorHandle _simulator;
    private readonly HttpClient _admin;
    private readonly StringWriter _output = new();
    private readonly StringWriter _error = new();
    private DaemonInstance? _current;
    private GatewayActivity? _activity;
    private long _syncSequence;
    private long _messagesSynced = -1;
    private bool _marketSyncExpected;
    private bool _userSyncExpected;

    private InProcessRun(GatewaySimulatorHandle simulator, ReplayClock clock, string folder)
    {
        _simulator = simulator;
        Clock = clock;
        Folder = folder;
        _admin = new HttpClient { BaseAddress = simulator.BaseUrl };
    }

    /// <summary>The one clock of the run (market time, UTC).</summary>
    public ReplayClock Clock { get; }

    /// <summary>The simulator's state (engine, replay, activity).</summary>
    public SimulatedGateway Gateway => _simulator.Gateway;

    /// <summary>The simulator's address.</summary>
    public Uri BaseUrl => _simulator.BaseUrl;

    /// <summary>Requests the simulator's own rate limits refused (a client that keeps to the gateway's limits sees none).</summary>
    public long RateLimitRejections => _simulator.Faults.RateLimitRejections;

    /// <summary>The daemon's folder (logs/ and the control files).</summary>
    public string Folder { get; }

    /// <summary>The daemon's monitoring folder.</summary>
    public string Logs => Path.Combine(Folder, "logs");

    /// <summary>The services of the daemon started last.</summary>
    /// <exception cref="InvalidOperationException">No daemon has started.</exception>
    public IServiceProvider Services => _current?.Services ?? throw new InvalidOperationException("the daemon has not started");

    /// <summary>What ended the daemon when it crashed (an exception escaped it), else null.</summary>
    public Exception? Crash => _current?.Run is { IsFaulted: true } d ? d.Exception.GetBaseException() : null;

    /// <summary>What the daemon printed.</summary>
    public string Output => _output.ToString();

    /// <summary>What the daemon printed on stderr.</summary>
    public string Errors => _error.ToString();

    /// <summary>The daemon's exit code once it has ended, else null.</summary>
    public int? ExitCode => _current?.Run is { IsCompletedSuccessfully: true } d ? d.Result : null;

    private bool DaemonEnded => _current?.Run.IsCompleted ?? false;

    /// <summary>
    /// Starts the simulator in driven mode on a new clock with the market at <paramref name="options"/>' start, then the
    /// daemon in sim mode against it on the same clock, and waits until the daemon's pipeline has started.
    /// </summary>
    /// <exception cref="ArgumentException">No bar of the file opens at the market start (after its first bar).</exception>
    /// <exception cref="InvalidOperationException">The daemon ended or did not start within two minutes of wall time.</exception>
    public static async Task<InProcessRun> StartAsync(InProcessRunOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var bars = options.Bars;
        var index = bars.Bars.ToList().FindIndex(b => b.OpenTime == options.MarketStart);
        if (index <= 0)
            throw new ArgumentException($"no bar opens at {options.MarketStart:O} after the first of {bars.Path}", nameof(options));
        var clock = new ReplayClock(bars.Bars[index].OpenTime);
        var simulatorOptions = new GatewaySimulatorOptions { BarsFile = bars.Path, Port = 0, Speed = 0, WarmupBars = index, DrivenClock = clock };
        options.ConfigureSimulator?.Invoke(simulatorOptions);
        var simulator = await GatewaySimulatorHost.StartAsync(simulatorOptions, cancellationToken).ConfigureAwait(false);
        var folder = options.Folder ?? Directory.CreateTempSubdirectory("goldbot-run-").FullName;
        var run = new InProcessRun(simulator, clock, folder);
        try
        {
            if (options.Prepare is not null)
                await options.Prepare(simulator.Gateway).ConfigureAwait(false);
            await run.StartDaemonAsync(options, cancellationToken).ConfigureAwait(false);
            return run;
        }
        catch
        {
            await run.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Starts the daemon again on the same folder and simulator (a restart after <see cref="StopDaemonAsync"/>).</summary>
    public Task RestartDaemonAsync(InProcessRunOptions options, CancellationToken cancellationToken) => StartDaemonAsync(options, cancellationToken);

    private async Task StartDaemonAsync(InProcessRunOptions options, CancellationToken cancellationToken)
    {
        var root = BaseUrl.ToString().TrimEnd('/');
        var settings = new Dictionary<string, string?>
        {
            ["Mode"] = "Sim",
            ["TopstepX:SimulatorUrl"] = root,
            // Paper mode reads TopstepX's addresses and credentials: the simulator's, so it can run in-process too.
            ["TopstepX:ApiBaseUrl"] = root,
            ["TopstepX:MarketHubUrl"] = root + "/hubs/market",
            ["TopstepX:UserHubUrl"] = root + "/hubs/user",
            ["TopstepX:UserName"] = "goldbot",
            ["TopstepX:ApiKey"] = "sim-api-key",
            ["Monitoring:LogDirectory"] = Logs,
            ["Monitoring:ConsoleLevel"] = "Warning",
            ["Controls:Directory"] = Folder,
            ["State:Directory"] = Path.Combine(Folder, "state"),
        };
        foreach (var (key, value) in options.Settings)
            settings[key] = value;
        var started = new TaskCompletionSource<IServiceProvider>(TaskCreationOptions.RunContinuationsAsynchronously);
        var stop = new CancellationTokenSource();
        GatewayActivity? early = null;
        var run = Task.Run(() => DaemonRunner.RunAsync(new RunArguments(options.ConfigFile, null, null, settings), _output, _error, stop.Token,
            services =>
            {
                services.AddHostedService(sp => new StartedProbe(sp, started));
                options.ConfigureServices?.Invoke(services);
            }, Clock, activity => Volatile.Write(ref early, activity)), cancellationToken);

        // Start-up may wait on the clock (a hub refusing connections): when the daemon has no request on the wire and no
        // connect running, move the clock (and the market with it) to its next one-shot timer (a reconnect backoff).
        var wall = Stopwatch.GetTimestamp();
        _current = new DaemonInstance(run, stop, null);
        while (!started.Task.IsCompleted)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var done = await Task.WhenAny(started.Task, run, Task.Delay(20, cancellationToken)).ConfigureAwait(false);
            if (done == run)
                throw new InvalidOperationException($"the daemon ended during start-up ({(run.IsCompletedSuccessfully ? $"exit {run.Result}" : run.Exception?.GetBaseException().Message)}): {Errors}{Output}");
            if (done == started.Task)
                break;
            if (Volatile.Read(ref early) is { } activity && activity.RequestsInFlight == Gateway.Activity.HeldRequests && activity.RequestsCancelling == 0
                && activity.HubConnectAttempts == 0 && Clock.NextOneShotDue is { } due && due > Clock.GetUtcNow())
            {
                var next = due;
                Earlier(ref next, Gateway.NextPointTime);
                Clock.AdvanceTo(next);
                await Gateway.PlayUntilAsync(next, cancellationToken).ConfigureAwait(false);
            }
            if (Stopwatch.GetElapsedTime(wall) > SettleDeadline)
                throw new InvalidOperationException($"the daemon did not start: {Errors}{Output}");
        }
        var services = await started.Task.ConfigureAwait(false);
        _current = new DaemonInstance(run, stop, services);
        _activity = services.GetRequiredService<GatewayActivity>();
        _messagesSynced = -1;
        await SettleAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until the run is settled (see the class summary), polling; throws <see cref="TimeoutException"/> with what was
    /// still in flight if that takes more than two minutes of wall time (a run that cannot settle is a defect).
    /// </summary>
    /// <exception cref="TimeoutException">The run did not settle within two minutes of wall time.</exception>
    public async Task SettleAsync(CancellationToken cancellationToken = default)
    {
        var wall = Stopwatch.GetTimestamp();
        var quietRounds = 0;
        for (var round = 0; ; round++)
        {
            // A stopped daemon has nothing in flight (the simulator alone plays on, as while GoldBot is down).
            if (DaemonEnded)
                return;
            // A marker sent while a hub was reconnecting (connected, not yet back in its group) never arrives: send another now and then.
            if (Gateway.Activity.HubMessagesSent != _messagesSynced || round % 256 == 255)
                await SyncHubsAsync(cancellationToken).ConfigureAwait(false);
            quietRounds = Quiet() ? quietRounds + 1 : 0;
            if (quietRounds >= 2)
                return;
            // Most steps settle within microseconds: yield to the thread pool first, then poll every millisecond.
            if (round < 64 || quietRounds == 1)
                await Task.Yield();
            else
                await Task.Delay(1, cancellationToken).ConfigureAwait(false);
            if (Stopwatch.GetElapsedTime(wall) > SettleDeadline)
                throw new TimeoutException($"the run did not settle at {Clock.GetUtcNow():O}: {Describe()}");
        }
    }

    /// <summary>What is in flight, for diagnostics.</summary>
    public string Describe()
    {
        var a = _activity!;
        var s = Gateway.Activity;
        return string.Create(CultureInfo.InvariantCulture,
            $"pipeline {a.PipelineMessages}, bar source {a.BarSourceItems}, hub connects {a.HubConnectAttempts}, requests {a.RequestsInFlight} (held {s.HeldRequests}, throttled {a.RequestsThrottled}, cancelling {a.RequestsCancelling}), broker calls {a.BrokerCalls}, due user batches {s.DueUserEventBatches}, hub messages {s.HubMessagesSent} (synced {_messagesSynced}), sync {_syncSequence}: market {a.MarketSync} ({(a.MarketConnected ? "connected" : "down")}), user {a.UserSync} ({(a.UserConnected ? "connected" : "down")})");
    }

    private bool Quiet()
    {
        var a = _activity!;
        var s = Gateway.Activity;
        return a.PipelineMessages == 0
            // The bar source may wait for a History request held by the rate limiter: that waits for the clock.
            && (a.BarSourceItems == 0 || a.BarSourceWaitingForHistory && a.HistoryRequestsThrottled > 0)
            && a.HubConnectAttempts == 0
            && a.RequestsInFlight == s.HeldRequests
            && a.RequestsCancelling == 0
            && a.BrokerCalls <= a.RequestsInFlight + a.RequestsThrottled
            && s.DueUserEventBatches == 0
            && s.HubMessagesSent == _messagesSynced
            && (!_marketSyncExpected || !a.MarketConnected || a.MarketSync >= _syncSequence)
            && (!_userSyncExpected || !a.UserConnected || a.UserSync >= _syncSequence);
    }

    private async Task SyncHubsAsync(CancellationToken cancellationToken)
    {
        var a = _activity!;
        var before = Gateway.Activity.HubMessagesSent;
        _marketSyncExpected = a.MarketConnected;
        _userSyncExpected = a.UserConnected;
        await Gateway.BroadcastSyncAsync(++_syncSequence, cancellationToken).ConfigureAwait(false);
        // The marker is two messages (one per hub); anything else sent meanwhile needs another marker.
        var after = Gateway.Activity.HubMessagesSent;
        _messagesSynced = after == before + 2 ? after : before;
    }

    /// <summary>
    /// Moves the clock to <paramref name="until"/> one settled step at a time: each step goes to the next instant anything
    /// is due (the next price point, a timer, the next of <paramref name="schedule"/>'s times), or at most one second when
    /// <paramref name="fine"/> says seconds matter now (a position or working orders, faults in force); otherwise periodic
    /// ticks coalesce at each step. <paramref name="observe"/> runs after every settled step (invariant checks, faults).
    /// </summary>
    /// <param name="until">Market time (UTC) to stop at; a step that reaches it is the last.</param>
    /// <param name="fine">True when the run must be stepped at least every second; null: while the simulator's account holds a position or working orders.</param>
    /// <param name="schedule">The next time the driver wants a step at, after the given time, or null.</param>
    /// <param name="observe">Called with the market time after every settled step.</param>
    /// <exception cref="TimeoutException">A step did not settle within two minutes of wall time.</exception>
    public async Task AdvanceAsync(DateTimeOffset until, Func<DateTimeOffset, Task<bool>>? fine = null, Func<DateTimeOffset, DateTimeOffset?>? schedule = null,
        Func<DateTimeOffset, Task>? observe = null, CancellationToken cancellationToken = default)
    {
        fine ??= _ => AccountBusyAsync();
        while (true)
        {
            await SettleAsync(cancellationToken).ConfigureAwait(false);
            var now = Clock.GetUtcNow();
            if (observe is not null)
                await observe(now).ConfigureAwait(false);
            if (now >= until || DaemonEnded)
                return;
            var next = until;
            Earlier(ref next, Gateway.NextPointTime);
            Earlier(ref next, await fine(now).ConfigureAwait(false) ? Clock.NextDue : Clock.NextOneShotDue);
            Earlier(ref next, schedule?.Invoke(now));
            if (next <= now)
                next = now + TimeSpan.FromMilliseconds(1);
            Clock.AdvanceTo(next);
            await Gateway.PlayUntilAsync(next, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Earlier(ref DateTimeOffset next, DateTimeOffset? candidate)
    {
        if (candidate is { } c && c < next)
            next = c;
    }

    /// <summary>True when the simulator's account holds a position or working orders (the default for fine stepping).</summary>
    public Task<bool> AccountBusyAsync() =>
        Gateway.ReadAsync(g => g.Engine.Positions.Any(p => p.Size > 0) || g.Engine.Orders.Any(o => o.IsWorking), CancellationToken.None);

    /// <summary>Switches simulator faults on (POST /admin/faults, as a user would).</summary>
    public async Task FaultAsync(FaultRequest faults, CancellationToken cancellationToken = default)
    {
        using var response = await _admin.PostAsJsonAsync(new Uri("admin/faults", UriKind.Relative), faults, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>
    /// Waits for a daemon that has been told to stop by itself (an emergency stop, a shutdown flatten) to end, and returns its
    /// exit code: its host's shutdown runs on the wall clock, so the market can reach a test's next instant before it is done.
    /// </summary>
    /// <exception cref="TimeoutException">The daemon did not end within two minutes of wall time.</exception>
    public async Task<int> DaemonEndedAsync()
    {
        var current = _current ?? throw new InvalidOperationException("the daemon has not started");
        if (await Task.WhenAny(current.Run, Task.Delay(SettleDeadline)).ConfigureAwait(false) != current.Run)
            throw new TimeoutException($"the daemon did not end at {Clock.GetUtcNow():O}: {Describe()}");
        return await current.Run.ConfigureAwait(false);
    }

    /// <summary>
    /// Moves the market alone to <paramref name="until"/>, point by point, while no daemon runs (after <see cref="StopDaemonAsync"/>):
    /// what happens at the gateway while GoldBot is down (its stop or targets may fill).
    /// </summary>
    public async Task PlayMarketAloneAsync(DateTimeOffset until, CancellationToken cancellationToken)
    {
        while (Gateway.NextPointTime is { } next && next < until)
        {
            Clock.AdvanceTo(next);
            await Gateway.PlayUntilAsync(next, cancellationToken).ConfigureAwait(false);
        }
        Clock.AdvanceTo(until);
    }

    /// <summary>Stops the daemon (as Ctrl+C does: it stays in the state the issue's shutdown rules give) and returns its exit code.</summary>
    /// <exception cref="InvalidOperationException">The daemon has not started.</exception>
    /// <exception cref="Exception">Whatever ended the daemon, when it crashed (see <see cref="Crash"/>).</exception>
    public async Task<int> StopDaemonAsync()
    {
        var current = _current ?? throw new InvalidOperationException("the daemon has not started");
        if (!current.Stop.IsCancellationRequested)
            await current.Stop.CancelAsync().ConfigureAwait(false);
        // Shutdown reads the account; a request held by the rate limiter waits for the clock: move it to the limiter's next segment.
        var wall = Stopwatch.GetTimestamp();
        while (await Task.WhenAny(current.Run, Task.Delay(20)).ConfigureAwait(false) != current.Run)
        {
            if (_activity is { } a && a.RequestsThrottled + a.HistoryRequestsThrottled > 0 && a.RequestsInFlight == Gateway.Activity.HeldRequests
                && Clock.NextDue is { } due && due > Clock.GetUtcNow())
            {
                Clock.AdvanceTo(due);
                await Gateway.PlayUntilAsync(due, CancellationToken.None).ConfigureAwait(false);
            }
            if (Stopwatch.GetElapsedTime(wall) > SettleDeadline)
                throw new TimeoutException($"the daemon did not stop at {Clock.GetUtcNow():O}: {Describe()}");
        }
        // Disposed only once the daemon has ended: a second call (from DisposeAsync after a failed first) finds it cancelled, not disposed.
        current.Stop.Dispose();
        return await current.Run.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_current is { Run.IsCompleted: false })
                await StopDaemonAsync().ConfigureAwait(false);
        }
        finally
        {
            _admin.Dispose();
            await _simulator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private sealed record DaemonInstance(Task<int> Run, CancellationTokenSource Stop, IServiceProvider? Services);

    /// <summary>Reports the daemon's services once its host has started every earlier service.</summary>
    private sealed class StartedProbe(IServiceProvider services, TaskCompletionSource<IServiceProvider> started) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            started.TrySetResult(services);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
