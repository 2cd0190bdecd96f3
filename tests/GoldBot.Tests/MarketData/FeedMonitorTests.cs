using GoldBot.MarketData;
using GoldBot.Monitoring;
using GoldBot.Tests.TestDoubles;
using Microsoft.Extensions.Time.Testing;

namespace GoldBot.Tests.MarketData;

/// <summary>The stale-feed watchdog's state: closed markets are never stale, 60 s without a quote or trade is, a lost hub is disconnected.</summary>
public sealed class FeedMonitorTests
{
    private static readonly DateTimeOffset T0 = new(2025, 12, 2, 15, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(T0);
    private bool _open = true;
    private readonly FeedMonitor _feed;

    public FeedMonitorTests() => _feed = new FeedMonitor(_clock, _ => _open, TimeSpan.FromSeconds(60));

    [Fact]
    public void A_feed_is_stale_after_the_threshold_without_a_quote_or_trade_and_ok_again_with_one()
    {
        _feed.OnTrade(2000.1m);
        _clock.SetUtcNow(T0.AddSeconds(60));
        Assert.Equal(FeedState.Ok, _feed.Status(_clock.GetUtcNow()).State);

        _clock.SetUtcNow(T0.AddSeconds(61));
        Assert.Equal((FeedState.Stale, 61_000L), (_feed.Status(_clock.GetUtcNow()).State, _feed.Status(_clock.GetUtcNow()).LastTradeAgeMs));
        Assert.True(_feed.IsStale(_clock.GetUtcNow()));

        _feed.OnQuote(null);
        Assert.Equal(FeedState.Ok, _feed.Status(_clock.GetUtcNow()).State);
    }

    [Fact]
    public void A_closed_market_is_never_stale_and_a_lost_hub_is_disconnected_until_it_is_back()
    {
        _open = false;
        Assert.Equal(FeedState.Closed, _feed.Status(T0.AddHours(1)).State);

        _open = true;
        _feed.OnDisconnected();
        Assert.Equal((FeedState.Disconnected, false), (_feed.Status(T0).State, _feed.Status(T0).Connected));
        _feed.OnConnected();
        Assert.Equal(1, _feed.Status(T0).Reconnects);
    }

    [Fact]
    public void The_last_price_comes_from_trades_and_from_quotes_only_when_they_carry_one()
    {
        _feed.OnTrade(2000.5m);
        _feed.OnQuote(null); // a partial quote without lastPrice: its merged lastPrice may be older than the trade
        Assert.Equal(2000.5m, _feed.LastPrice);

        _feed.OnQuote(2000.7m);
        Assert.Equal(2000.7m, _feed.LastPrice);
    }
}
