using System.Net.Http.Json;
using GoldBot.Time;
using Microsoft.Extensions.Logging;

namespace GoldBot.Gateway;

/// <summary>
/// Market time of a gateway simulator running in its own process (<c>goldbot-sim</c>, sim mode in two terminals): the
/// simulator's market clock is not the wall clock (it replays a bars file at a speed, or in steps), so the daemon follows
/// it. Every 500 ms of wall time it reads <c>GET /admin/clock</c> (market time and speed); in between, every 20 ms, it
/// moves <see cref="Clock"/> on by wall time × speed, never past the last reading by more than one reading interval, and
/// never backwards. In step mode (speed 0) time moves only with the readings. The daemon's timers (the 1-second rule tick,
/// timeouts) run on <see cref="Clock"/>. An unreachable simulator is logged once until it answers again.
/// </summary>
public sealed class SimulatorClock : IAsyncDisposable
{
    private static readonly TimeSpan ReadEvery = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan StepEvery = TimeSpan.FromMilliseconds(20);
    private readonly HttpClient _http;
    private readonly TimeProvider _wall;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private DateTimeOffset? _readTime;
    private long _readAt;
    private double _speed;
    private bool _failing;

    /// <summary>Starts following the simulator at <paramref name="simulatorUrl"/>; <see cref="Clock"/> reports wall time until the first reading.</summary>
    public SimulatorClock(Uri simulatorUrl, TimeProvider wall)
    {
        ArgumentNullException.ThrowIfNull(simulatorUrl);
        _wall = wall ?? throw new ArgumentNullException(nameof(wall));
        _http = new HttpClient { BaseAddress = simulatorUrl, Timeout = TimeSpan.FromSeconds(5) };
        Clock = new ReplayClock(wall);
        _loop = Task.Run(() => LoopAsync(_stop.Token));
    }

    /// <summary>The simulator's market time (UTC).</summary>
    public ReplayClock Clock { get; }

    /// <summary>Where an unreachable simulator is reported (set once the daemon's log exists).</summary>
    public ILogger Logger { get; set; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

    /// <summary>Waits until the first reading has set <see cref="Clock"/> to the simulator's market time.</summary>
    /// <exception cref="TimeoutException">No reading within <paramref name="timeout"/> of wall time.</exception>
    public async Task WaitForFirstReadingAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var started = _wall.GetTimestamp();
        while (Volatile.Read(ref _readAt) == 0)
        {
            if (_wall.GetElapsedTime(started) > timeout)
                throw new TimeoutException($"the gateway simulator at {_http.BaseAddress} did not tell its market time (GET /admin/clock) within {timeout.TotalSeconds:0} s");
            await Task.Delay(StepEvery, _wall, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
        _stop.Dispose();
        _http.Dispose();
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var lastRead = long.MinValue;
        while (!cancellationToken.IsCancellationRequested)
        {
            if (lastRead == long.MinValue || _wall.GetElapsedTime(lastRead) >= ReadEvery)
            {
                lastRead = _wall.GetTimestamp();
                await ReadAsync(cancellationToken).ConfigureAwait(false);
            }
            else if (_readTime is { } read && _speed > 0)
            {
                var elapsed = _wall.GetElapsedTime(_readAt);
                var ahead = TimeSpan.FromTicks((long)((elapsed < ReadEvery ? elapsed : ReadEvery).Ticks * _speed));
                Clock.AdvanceTo(read + ahead);
            }
            await Task.Delay(StepEvery, _wall, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            var reading = await _http.GetFromJsonAsync<ClockReading>(new Uri("admin/clock", UriKind.Relative), cancellationToken).ConfigureAwait(false);
            if (reading is null)
                return;
            _speed = reading.Speed;
            _readTime = reading.MarketTime;
            Clock.AdvanceTo(reading.MarketTime);
            Volatile.Write(ref _readAt, _wall.GetTimestamp());
            if (_failing)
                Logger.LogInformation("The gateway simulator's clock answers again");
            _failing = false;
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is not OutOfMemoryException)
        {
            if (!_failing)
                Logger.LogWarning("Cannot read the gateway simulator's clock ({Reason}); market time stands still until it answers", e.Message);
            _failing = true;
        }
    }

    private sealed record ClockReading(DateTimeOffset MarketTime, double Speed);
}
