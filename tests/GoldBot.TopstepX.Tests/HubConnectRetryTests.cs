using GoldBot.TopstepX.Realtime;
using GoldBot.TopstepX.Realtime.Events;
using GoldBot.TopstepX.Tests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging.Abstractions;

namespace GoldBot.TopstepX.Tests;

/// <summary>
/// The hubs' connect loop on a manual clock against the loopback hub server: a hub that refuses upgrades (HTTP 503,
/// an outage) is retried after ReconnectDelays (the last repeating) until it accepts, at start-up and after a loss;
/// StartAsync throws only when cancelled; ConnectAttemptsInProgress counts executing attempts, not backoff waits.
/// Time passes only when the test advances the clock, after the hub has armed its backoff timer.
/// </summary>
public sealed class HubConnectRetryTests
{
    private const string Mgc = "CON.F.US.MGC.Z26";
    private static readonly TimeSpan One = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Two = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Five = TimeSpan.FromSeconds(5);

    private static TopstepXOptions Options(HubServer server) => ClientFixture.TestOptions() with
    {
        MarketHubUrl = server.MarketHub,
        UserHubUrl = server.UserHub,
        ReconnectDelays = [One, Two, Five],
    };

    private static GatewayHubEvent Written(MarketHub hub) =>
        hub.Events.TryRead(out var next) ? next : throw new Xunit.Sdk.XunitException("no event was written");

    [Fact]
    public async Task A_hub_refusing_with_503_is_retried_with_backoff_and_StartAsync_returns_once_connected()
    {
        await using var server = await HubServer.StartAsync();
        var time = new ManualTimeProvider();
        var logger = new CapturingLogger<MarketHub>();
        await using var hub = new MarketHub(Options(server), new SwitchableTokenSource("token-1"), time, logger);
        await hub.SubscribeAsync(Mgc, MarketSubscriptions.Quotes);
        server.Gate.Refuse(503, 4);

        var start = hub.StartAsync();
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 4; i++)
        {
            waits.Add(await time.NextArmedAsync());
            Assert.False(start.IsCompleted);
            Assert.Equal((0, HubConnectionState.Disconnected), (hub.ConnectAttemptsInProgress, hub.State));
            time.Advance(waits[^1]);
        }
        await start;

        Assert.Equal([One, Two, Five, Five], waits);
        Assert.Equal((0, HubConnectionState.Connected), (hub.ConnectAttemptsInProgress, hub.State));
        var attempts = await server.Gate.NextAsync(5);
        Assert.Equal([503, 503, 503, 503, null], attempts.Select(a => a.RefusedWith));
        Assert.All(attempts, a => Assert.Equal("token-1", a.Token));
        var subscribed = Assert.Single(await server.Recorder.NextAsync(1));
        Assert.Equal(("SubscribeContractQuotes", "token-1"), (subscribed.Method, subscribed.Token));
        var lost = Assert.IsType<HubConnectionLost>(Written(hub));
        Assert.Equal("market", lost.Hub);
        Assert.Contains("HTTP 503", lost.Reason, StringComparison.Ordinal);
        Assert.Equal(time.GetUtcNow(), Assert.IsType<HubReconnected>(Written(hub)).ReceivedAt);
        Assert.False(hub.Events.TryRead(out var unexpected), unexpected?.ToString());
        // An outage is one warning (then one every tenth attempt), not one per attempt.
        var failures = logger.Lines.Where(l => l.Contains("connect attempt", StringComparison.Ordinal) && l.Contains("HTTP 503", StringComparison.Ordinal)).ToList();
        Assert.Equal(["Warning", "Debug", "Debug", "Debug"], failures.Select(l => l[..l.IndexOf(':', StringComparison.Ordinal)]));
        Assert.All(logger.Lines, l => Assert.DoesNotContain("token-1", l, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConnectAttemptsInProgress_counts_an_attempt_while_it_executes_and_not_the_backoff_wait()
    {
        await using var server = await HubServer.StartAsync();
        var time = new ManualTimeProvider();
        await using var hub = new MarketHub(Options(server), new SwitchableTokenSource("t"), time, NullLogger<MarketHub>.Instance);
        Assert.Equal(0, hub.ConnectAttemptsInProgress);
        server.Gate.Refuse(503, 1);
        var firstHeld = server.Gate.Hold();

        var start = hub.StartAsync();
        await server.Gate.NextAsync(1);
        Assert.Equal(1, hub.ConnectAttemptsInProgress);
        firstHeld.SetResult();
        Assert.Equal(One, await time.NextArmedAsync());
        Assert.Equal(0, hub.ConnectAttemptsInProgress);

        var secondHeld = server.Gate.Hold();
        time.Advance(One);
        Assert.Equal(1, hub.ConnectAttemptsInProgress);
        await server.Gate.NextAsync(1);
        Assert.Equal(1, hub.ConnectAttemptsInProgress);
        secondHeld.SetResult();
        await start;

        Assert.Equal((0, HubConnectionState.Connected), (hub.ConnectAttemptsInProgress, hub.State));
    }

    [Fact]
    public async Task After_a_loss_the_reconnect_waits_the_delays_on_the_injected_clock_and_resubscribes()
    {
        await using var server = await HubServer.StartAsync();
        var time = new ManualTimeProvider();
        var tokens = new SwitchableTokenSource("token-1");
        await using var hub = new MarketHub(Options(server), tokens, time, NullLogger<MarketHub>.Instance);
        await hub.SubscribeAsync(Mgc, MarketSubscriptions.Trades);
        await hub.StartAsync();
        Assert.Equal("token-1", Assert.Single(await server.Recorder.NextAsync(1)).Token);
        Assert.False(hub.Events.TryRead(out var early), early?.ToString());

        tokens.Current = "token-2";
        server.Gate.Refuse(503, 1);
        server.Recorder.DropAll();

        Assert.Equal(One, await time.NextArmedAsync());
        Assert.Equal("market", Assert.IsType<HubConnectionLost>(Written(hub)).Hub);
        Assert.Equal(0, hub.ConnectAttemptsInProgress);
        time.Advance(One);
        Assert.Equal(Two, await time.NextArmedAsync());
        time.Advance(Two);
        var reconnected = await HubEvents.NextAsync<HubReconnected>(hub.Events);

        Assert.Equal(time.GetUtcNow(), reconnected.ReceivedAt);
        var again = Assert.Single(await server.Recorder.NextAsync(1));
        Assert.Equal(("SubscribeContractTrades", "token-2"), (again.Method, again.Token));
        var attempts = await server.Gate.NextAsync(3);
        Assert.Equal([("token-1", (int?)null), ("token-2", 503), ("token-2", null)], attempts.Select(a => (a.Token, a.RefusedWith)));
        Assert.Equal((0, HubConnectionState.Connected), (hub.ConnectAttemptsInProgress, hub.State));
    }

    [Fact]
    public async Task A_token_refused_again_after_its_renewal_fails_the_attempt_without_a_second_renewal()
    {
        await using var server = await HubServer.StartAsync();
        var time = new ManualTimeProvider();
        var tokens = new SwitchableTokenSource("token-1");
        await using var hub = new MarketHub(Options(server), tokens, time, NullLogger<MarketHub>.Instance);
        server.Gate.Refuse(401, 2);

        var start = hub.StartAsync();
        Assert.Equal(One, await time.NextArmedAsync());
        Assert.Equal(1, tokens.Renewals);
        time.Advance(One);
        await start;

        Assert.Equal(1, tokens.Renewals);
        var attempts = await server.Gate.NextAsync(3);
        Assert.Equal([("token-1", (int?)401), ("renewed", 401), ("renewed", null)], attempts.Select(a => (a.Token, a.RefusedWith)));
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task StartAsync_ends_only_by_cancellation_or_stop_while_the_hub_keeps_refusing()
    {
        await using var server = await HubServer.StartAsync();
        var time = new ManualTimeProvider();
        await using var hub = new UserHub(Options(server), new SwitchableTokenSource("t"), time, NullLogger<UserHub>.Instance);
        server.Gate.Refuse(503, 1000);

        using var cancel = new CancellationTokenSource();
        var cancelled = hub.StartAsync(cancel.Token);
        Assert.Equal(One, await time.NextArmedAsync());
        time.Advance(One);
        Assert.Equal(Two, await time.NextArmedAsync());
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        var stopped = hub.StartAsync();
        Assert.Equal(One, await time.NextArmedAsync());
        await hub.StopAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => stopped);

        Assert.Equal((0, HubConnectionState.Disconnected), (hub.ConnectAttemptsInProgress, hub.State));
        Assert.Equal(3, (await server.Gate.NextAsync(3)).Count(a => a.RefusedWith == 503));
    }
}
