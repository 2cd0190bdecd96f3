using GoldBot.GatewaySimulator.Market;

namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>
/// Paced replay: when <see cref="GatewaySimulatorOptions.Speed"/> is positive (and the clock is not driven), market time flows
/// continuously: market time = start + wall time elapsed × speed, where start is the first point's time and wall time is
/// <see cref="GatewaySimulatorOptions.WallClock"/>. Every <see cref="Step"/> of wall time (a timer on that clock) the market clock moves
/// on, and each point is played when market time reaches it (so a bar takes period ÷ speed of wall time). The pump stops at the end of
/// the file, and every <see cref="ProgressInterval"/> of wall time logs where the market stands (<see cref="ReplayProgress"/>).
/// In step mode (speed 0) and driven mode it does nothing.
/// </summary>
public sealed class ReplayPump(SimulatedGateway gateway, GatewaySimulatorOptions options, ILogger<ReplayPump> logger) : BackgroundService
{
    /// <summary>Wall time between two moves of the market clock in paced mode.</summary>
    public static readonly TimeSpan Step = TimeSpan.FromMilliseconds(15);

    /// <summary>Wall time between two progress lines on the console.</summary>
    public static readonly TimeSpan ProgressInterval = TimeSpan.FromSeconds(10);

    /// <summary>Wall time between two replayed trades: bar period ÷ speed ÷ 4 (four trades per bar).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="speed"/> is not positive.</exception>
    public static TimeSpan PauseBetweenTrades(TimeSpan period, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        return period / speed / PricePath.PointsPerBar;
    }

    /// <summary>Market time (UTC) after <paramref name="wallElapsed"/> of wall time at <paramref name="speed"/>: start + elapsed × speed.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="speed"/> is not positive.</exception>
    public static DateTimeOffset MarketTimeAt(DateTimeOffset start, TimeSpan wallElapsed, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        return start + TimeSpan.FromTicks(checked((long)(wallElapsed.Ticks * speed)));
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Speed <= 0 || options.DrivenClock is not null)
            return;
        var wall = options.WallClock;
        var start = gateway.Clock.GetUtcNow();
        var started = wall.GetTimestamp();
        logger.LogInformation("Replaying {Contract} at {Speed}x from {Start:yyyy-MM-dd HH:mm}Z: one trade every {Pause} ms of wall time", gateway.Replay.ContractId, options.Speed, start,
            PauseBetweenTrades(gateway.Replay.Period, options.Speed).TotalMilliseconds);
        using var timer = new PeriodicTimer(Step, wall);
        var reported = started;
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            if (wall.GetElapsedTime(reported) >= ProgressInterval)
            {
                reported = wall.GetTimestamp();
                logger.LogInformation("{Progress}", await gateway.ReadAsync(ReplayProgress.Of, stoppingToken).ConfigureAwait(false));
            }
            var target = MarketTimeAt(start, wall.GetElapsedTime(started), options.Speed);
            if (await gateway.PaceToAsync(target, stoppingToken).ConfigureAwait(false))
            {
                logger.LogInformation("Replay of {Contract} finished at {MarketTime:yyyy-MM-dd HH:mm}Z", gateway.Replay.ContractId, gateway.Clock.GetUtcNow());
                return;
            }
        }
    }
}
