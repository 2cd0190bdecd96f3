using GoldBot.GatewaySimulator.Market;

namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>
/// Paced replay: when <see cref="GatewaySimulatorOptions.Speed"/> is positive, plays one trade every
/// bar period ÷ speed ÷ 4 of wall time (so a bar takes period ÷ speed) until the file ends. In step mode (speed 0)
/// it does nothing and the market moves only through <c>POST /admin/advance</c>.
/// </summary>
public sealed class ReplayPump(SimulatedGateway gateway, GatewaySimulatorOptions options, ILogger<ReplayPump> logger) : BackgroundService
{
    /// <summary>Wall time between two replayed trades: bar period ÷ speed ÷ 4 (four trades per bar).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="speed"/> is not positive.</exception>
    public static TimeSpan PauseBetweenTrades(TimeSpan period, double speed)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(speed);
        return period / speed / PricePath.PointsPerBar;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Speed <= 0)
            return;
        var pause = PauseBetweenTrades(gateway.Replay.Period, options.Speed);
        logger.LogInformation("Replaying {Contract} at {Speed}x: one trade every {Pause}", gateway.Replay.ContractId, options.Speed, pause);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(pause, options.WallClock, stoppingToken).ConfigureAwait(false);
            if (await gateway.AdvancePointsAsync(1, stoppingToken).ConfigureAwait(false) == 0)
            {
                logger.LogInformation("Replay of {Contract} finished at {MarketTime}", gateway.Replay.ContractId, gateway.Clock.GetUtcNow());
                return;
            }
        }
    }
}
