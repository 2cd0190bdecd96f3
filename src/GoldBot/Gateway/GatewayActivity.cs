using GoldBot.Execution;
using GoldBot.MarketData;
using GoldBot.Pipeline;
using GoldBot.TopstepX.Realtime;
using GoldBot.TopstepX.Rest;
using Microsoft.AspNetCore.SignalR.Client;

namespace GoldBot.Gateway;

/// <summary>
/// What the daemon has in flight towards the gateway, read by an in-process driver (the integration tests,
/// <c>goldbot chaos</c>) that advances one virtual clock for the simulator and the daemon only when nothing but
/// that clock can move things on: no pipeline message waiting, no bar source item unhandled, every broker call
/// of the executor waiting on a request (the driver checks the simulator holds them all), no hub connect under
/// way, and the hubs' event streams consumed up to the simulator's last sync marker (<see cref="TopstepX.Realtime.Events.HubSync"/>).
/// Thread-safe; reading it changes nothing. Live it is unused.
/// </summary>
public sealed class GatewayActivity(ProjectXClient client, MarketHub market, UserHub user)
{
    private long _marketSync;
    private long _userSync;
    private TradeStreamBarSource? _bars;
    private TradeStreamBarSource? _proxyBars;
    private PipelineChannels? _channels;
    private OrderExecutor? _executor;

    /// <summary>True once the pipeline is attached (the daemon's host is built); before that only the client and the hubs are watched.</summary>
    public bool PipelineAttached => Volatile.Read(ref _channels) is not null;

    /// <summary>Attaches the pipeline once the daemon's host is built (the executor is null in paper mode).</summary>
    public void Attach(TradeStreamBarSource bars, PipelineChannels channels, OrderExecutor? executor)
    {
        _bars = bars;
        _executor = executor;
        Volatile.Write(ref _channels, channels);
    }

    /// <summary>Attaches the dollar filter's proxy bar source (<c>Strategy:DollarFilter:ProxySymbol</c>), whose items count in <see cref="BarSourceItems"/>.</summary>
    public void AttachProxy(TradeStreamBarSource proxyBars) => Volatile.Write(ref _proxyBars, proxyBars);

    /// <summary>HTTP requests sent and not answered yet.</summary>
    public int RequestsInFlight => client.RequestsInFlight;

    /// <summary>Requests whose timeout has fired and whose failure has not yet reached the caller (see <see cref="ProjectXClient.RequestsCancelling"/>).</summary>
    public int RequestsCancelling => client.RequestsCancelling;

    /// <summary>Requests waiting for the client's rate limiter.</summary>
    public long RequestsThrottled => client.QueuedRequests;

    /// <summary>History requests waiting for a rate limiter.</summary>
    public int HistoryRequestsThrottled => client.QueuedBarsRequests;

    /// <summary>True while the bar source waits for a History answer to repair missing bars.</summary>
    public bool BarSourceWaitingForHistory => _bars?.WaitingForHistory ?? false;

    /// <summary>Pipeline messages written and not yet fully handled (0 before the pipeline is attached).</summary>
    public int PipelineMessages => _channels?.Work.Pending ?? 0;

    /// <summary>Bar-source items (prints, heartbeats, gap marks) not yet fully handled, the proxy's included.</summary>
    public int BarSourceItems => (_bars?.Pending ?? 0) + (Volatile.Read(ref _proxyBars)?.Pending ?? 0);

    /// <summary>The executor's broker calls whose answers have not been handed back yet (0 in paper mode).</summary>
    public int BrokerCalls => _executor?.CallsOutstanding ?? 0;

    /// <summary>Hub connect or reconnect attempts running now (not waiting out a backoff).</summary>
    public int HubConnectAttempts => market.ConnectAttemptsInProgress + user.ConnectAttemptsInProgress;

    /// <summary>True while the market hub is connected.</summary>
    public bool MarketConnected => market.State == HubConnectionState.Connected;

    /// <summary>True while the user hub is connected.</summary>
    public bool UserConnected => user.State == HubConnectionState.Connected;

    /// <summary>The last sync marker the event pump consumed from the market hub (everything before it was handled).</summary>
    public long MarketSync => Interlocked.Read(ref _marketSync);

    /// <summary>The last sync marker the event pump consumed from the user hub.</summary>
    public long UserSync => Interlocked.Read(ref _userSync);

    /// <summary>Records a sync marker the event pump reached on <paramref name="hub"/> (<c>market</c> or <c>user</c>).</summary>
    public void Synced(string hub, long sequence)
    {
        ref var field = ref hub == "market" ? ref _marketSync : ref _userSync;
        if (sequence > Interlocked.Read(ref field))
            Interlocked.Exchange(ref field, sequence);
    }
}
