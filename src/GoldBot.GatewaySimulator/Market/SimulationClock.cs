namespace GoldBot.GatewaySimulator.Market;

/// <summary>
/// The market clock: a <see cref="TimeProvider"/> whose UTC time is set by the replay, so market time is
/// bar time. Orders, positions, trades, quotes and history use it; tokens, rate limits and faults use wall time.
/// </summary>
public sealed class SimulationClock : TimeProvider
{
    private long _utcTicks;

    /// <summary>Starts the clock at <paramref name="start"/> (UTC).</summary>
    public SimulationClock(DateTimeOffset start) => _utcTicks = start.UtcTicks;

    /// <inheritdoc/>
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _utcTicks), TimeSpan.Zero);

    /// <summary>Moves the clock to <paramref name="utc"/>; the clock never goes back.</summary>
    public void AdvanceTo(DateTimeOffset utc)
    {
        if (utc.UtcTicks > Interlocked.Read(ref _utcTicks))
            Interlocked.Exchange(ref _utcTicks, utc.UtcTicks);
    }
}
