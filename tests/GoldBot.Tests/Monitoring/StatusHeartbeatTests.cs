using System.Text.Json;
using GoldBot.Configuration;
using GoldBot.Hosting;
using GoldBot.Learning;
using GoldBot.Monitoring;
using GoldBot.Services;
using GoldBot.Time;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;

namespace GoldBot.Tests.Monitoring;

/// <summary>
/// Issue 10 §4: in the gateway modes status.json is rewritten at least every 5 s of wall time whether market time moves or not
/// (its <c>heartbeat</c> is the wall time of the write), so a monitor tells a dead daemon from a quiet one; and <c>is_alive</c>
/// becomes false when the daemon stops; a change of the position, its stop, the protection or a risk decision is written at once.
/// </summary>
public sealed class StatusHeartbeatTests : IDisposable
{
    private static readonly DateTimeOffset MarketNow = new(2025, 12, 10, 15, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset WallStart = new(2026, 12, 6, 12, 0, 0, TimeSpan.Zero);
    private readonly string _folder = Directory.CreateTempSubdirectory("goldbot-heartbeat-").FullName;
    private readonly MonitoringState _monitoring = new();

    [Fact]
    public async Task The_heartbeat_rewrites_status_every_five_seconds_of_wall_time_while_market_time_stands_still()
    {
        var (writer, wall) = await StartAsync(RunMode.Sim);
        Assert.Equal(WallStart, await HeartbeatAsync(WallStart));

        wall.AdvanceTo(WallStart.AddSeconds(4.9));
        wall.AdvanceTo(WallStart.AddSeconds(5));
        Assert.Equal(WallStart.AddSeconds(5), await HeartbeatAsync(WallStart.AddSeconds(5)));
        wall.AdvanceTo(WallStart.AddSeconds(10));
        Assert.Equal(WallStart.AddSeconds(10), await HeartbeatAsync(WallStart.AddSeconds(10)));

        await writer.StopAsync(CancellationToken.None);
        using var stopped = JsonDocument.Parse(await File.ReadAllTextAsync(StatusPath));
        Assert.False(stopped.RootElement.GetProperty("is_alive").GetBoolean());
        Assert.Equal(MarketNow, stopped.RootElement.GetProperty("timestamp").GetDateTimeOffset());
    }

    [Fact]
    public async Task A_position_change_is_written_at_once_once_the_minimum_spacing_has_passed()
    {
        var (writer, wall) = await StartAsync(RunMode.Sim);
        await HeartbeatAsync(WallStart);

        _monitoring.SetPosition(new GoldBot.Execution.PositionState(1, 2000m, false, 51_234.5m), null, 1998m);
        // The writer waits out the minimum spacing on the wall clock: advance only once its wait is set, or a wait set after the
        // advance would be due 200 ms later than the clock ever goes (a race that failed under load).
        for (var tries = 0; wall.NextOneShotDue != WallStart.AddMilliseconds(200); tries++)
        {
            Assert.True(tries < 30_000, "the writer never waited for the minimum spacing");
            await Task.Delay(1);
        }
        wall.AdvanceTo(WallStart.AddMilliseconds(200)); // Monitoring:MinRealIntervalMilliseconds after the last write; no tick, no heartbeat due

        Assert.Equal(WallStart.AddMilliseconds(200), await HeartbeatAsync(WallStart.AddMilliseconds(200)));
        using var status = JsonDocument.Parse(await File.ReadAllTextAsync(StatusPath));
        Assert.Equal(51_234.5m, status.RootElement.GetProperty("account").GetProperty("balance").GetDecimal());
        await writer.StopAsync(CancellationToken.None);
    }

    [Fact]
    public void Only_what_an_operator_watches_signals_a_change_not_the_open_pnl_of_every_price()
    {
        var monitoring = new MonitoringState();
        var status = new GoldBot.Risk.RiskStatus(true, null, 0, 0m, 1000m, 0, 48_000m, false, false, 2, 0, new DateOnly(2025, 12, 10), 50_000m);
        monitoring.SetRisk(status, 0m, 2000m);
        Assert.True(monitoring.Changes.TryRead(out _));

        monitoring.SetRisk(status with { DailyPnL = -120m, DailyLossRemaining = 880m }, -120m, 1998.8m);
        Assert.False(monitoring.Changes.TryRead(out _));

        monitoring.SetRisk(status with { CanTrade = false, BlockedBy = "daily loss limit" }, -1000m, 1990m);
        Assert.True(monitoring.Changes.TryRead(out _));
    }

    [Fact]
    public async Task The_console_shows_one_heartbeat_line_a_minute_with_market_time_price_position_and_headroom()
    {
        var logger = new FakeLogger<StatusWriterService>();
        var wall = new ReplayClock(WallStart);
        wall.AdvanceTo(WallStart);
        var writer = Writer(RunMode.Sim, wall, logger);
        _monitoring.SetRisk(new GoldBot.Risk.RiskStatus(false, "x", 0, -120.5m, 679.5m, 1, 48_000m, false, false, 2, 1, new DateOnly(2025, 12, 10), 49_879.5m), 35m, 4201.3m);
        _monitoring.SetPosition(new GoldBot.Execution.PositionState(2, 4200.1m, false, 49_879.5m), null, 4195.0m);
        _monitoring.SetLastBar(new GoldBot.Market.Bar(MarketNow.AddMinutes(-3), 4200m, 4202m, 4199m, 4201.3m, 10), MarketNow);
        await writer.StartAsync(CancellationToken.None);
        await HeartbeatAsync(WallStart);

        for (var tick = 1; tick <= 12; tick++)
        {
            Assert.DoesNotContain(logger.Collector.GetSnapshot(), r => r.Message.StartsWith("alive", StringComparison.Ordinal));
            wall.AdvanceTo(WallStart.AddSeconds(5 * tick));
            await HeartbeatAsync(WallStart.AddSeconds(5 * tick));
        }
        // The line is logged right after the twelfth tick's write: wait for it, not for a time.
        for (var tries = 0; !logger.Collector.GetSnapshot().Any(r => r.Message.StartsWith("alive", StringComparison.Ordinal)); tries++)
        {
            Assert.True(tries < 60_000, "no heartbeat line after a minute of wall time");
            await Task.Delay(1);
        }
        await writer.StopAsync(CancellationToken.None);
        Assert.Equal(["alive 09:00 CT, MGC 4201.3, long 2 stop 4195.0, day -120.50, headroom 679.50 daily, 1879.50 maximum"],
            logger.Collector.GetSnapshot().Where(r => r.Message.StartsWith("alive", StringComparison.Ordinal)).Select(r => r.Message));
    }

    [Fact]
    public async Task A_replay_has_no_heartbeat_timer()
    {
        var (writer, wall) = await StartAsync(RunMode.Replay);
        await HeartbeatAsync(WallStart);

        Assert.Null(wall.NextDue);
        await writer.StopAsync(CancellationToken.None);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string StatusPath => Path.Combine(_folder, "status.json");

    /// <summary>A started status writer of <paramref name="mode"/> whose wall clock is a manual one at <see cref="WallStart"/>.</summary>
    private async Task<(StatusWriterService Writer, ReplayClock Wall)> StartAsync(RunMode mode)
    {
        var wall = new ReplayClock(WallStart);
        wall.AdvanceTo(WallStart);
        var writer = Writer(mode, wall);
        await writer.StartAsync(CancellationToken.None);
        return (writer, wall);
    }

    private StatusWriterService Writer(RunMode mode, TimeProvider wall, Microsoft.Extensions.Logging.ILogger<StatusWriterService>? logger = null)
    {
        var settings = new GoldBotSettings { Mode = mode, Monitoring = new MonitoringSettings { LogDirectory = _folder } };
        var market = new ReplayClock(MarketNow);
        market.AdvanceTo(MarketNow);
        var writes = new WriteFailures(market, NullLogger.Instance);
        return new StatusWriterService(_monitoring, new PatternPerformance(settings.Strategy.EnabledPatterns), new RecentErrors(),
            new TradeJournal(_folder, "MGC", "test", writes, NullLogger.Instance), new SignalLog(_folder, "test", writes), writes, settings, market, wall, new RunCoordinator(new GoldBot.Tests.TestDoubles.IdleLifetime()),
            logger ?? NullLogger<StatusWriterService>.Instance);
    }

    /// <summary>Waits for status.json to carry <paramref name="expected"/> as its heartbeat (the write runs on the timer's continuation) and returns it.</summary>
    private async Task<DateTimeOffset?> HeartbeatAsync(DateTimeOffset expected)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        DateTimeOffset? seen = null;
        while (watch.Elapsed < TimeSpan.FromSeconds(60))
        {
            try
            {
                using var status = JsonDocument.Parse(await File.ReadAllTextAsync(StatusPath));
                seen = status.RootElement.GetProperty("heartbeat").GetDateTimeOffset();
                if (seen == expected)
                    return seen;
            }
            catch (Exception e) when (e is IOException or JsonException)
            {
                // Not written yet.
            }
            await Task.Delay(5);
        }
        return seen;
    }
}
