using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Faults;
using GoldBot.GatewaySimulator.Hosting;
using GoldBot.GatewaySimulator.Market;
using Microsoft.AspNetCore.SignalR;

namespace GoldBot.GatewaySimulator.Hubs;

/// <summary>
/// Sends the simulated gateway's events to the hub groups, in the configured payload shape, counting every send in
/// <see cref="SimulatorActivity.HubMessagesSent"/>. User events go out in the order given (the gateway arranges them for the
/// user-event faults). Market events per trade: <c>GatewayTrade</c>, then <c>GatewayQuote</c>, then two <c>GatewayDepth</c> levels
/// (best bid, best ask), their timestamps shifted by the market-timestamp fault.
/// </summary>
public sealed class HubEventPublisher(IHubContext<MarketHub> market, IHubContext<UserHub> user, GatewaySimulatorOptions options, FaultState faults, SimulatorActivity activity) : IGatewayEventSink
{
    /// <summary>Name of the marker message sent by <see cref="PublishSyncAsync"/>; one argument, the sequence number (long).</summary>
    public const string SyncMessage = "SimulatorSync";

    /// <inheritdoc/>
    public async Task PublishUserAsync(IReadOnlyList<EngineEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var shape = options.PayloadShape;
        foreach (var e in events)
        {
            var send = e switch
            {
                OrderChanged o => user.Clients.Group(UserHub.OrdersGroup(o.Order.AccountId)).SendAsync("GatewayUserOrder", HubPayloads.Order(o.Order, o.Action, shape), cancellationToken),
                PositionChanged p => user.Clients.Group(UserHub.PositionsGroup(p.Position.AccountId)).SendAsync("GatewayUserPosition", HubPayloads.Position(p.Position, p.Action, shape), cancellationToken),
                TradeRecorded t => user.Clients.Group(UserHub.TradesGroup(t.Trade.AccountId)).SendAsync("GatewayUserTrade", HubPayloads.Trade(t.Trade, shape), cancellationToken),
                AccountChanged a => user.Clients.Group(UserHub.AccountsGroup).SendAsync("GatewayUserAccount", HubPayloads.Account(a.Account, a.Action, shape), cancellationToken),
                _ => null,
            };
            if (send is null)
                continue;
            await send.ConfigureAwait(false);
            activity.HubMessageSent();
        }
    }

    /// <inheritdoc/>
    public async Task PublishMarketAsync(MarketTick tick, Quote quote, bool fullQuote, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tick);
        ArgumentNullException.ThrowIfNull(quote);
        var offset = faults.MarketTimestampOffset;
        if (offset != TimeSpan.Zero)
        {
            tick = tick with { Time = tick.Time + offset };
            quote = quote with { Timestamp = quote.Timestamp + offset };
        }
        var shape = options.PayloadShape;
        var id = tick.ContractId;
        var silenced = faults.SilencedConnections;
        await market.Clients.GroupExcept(MarketHub.TradesGroup(id), silenced).SendAsync("GatewayTrade", id, HubPayloads.MarketTrade(tick, quote.SymbolId, shape), cancellationToken).ConfigureAwait(false);
        activity.HubMessageSent();
        await market.Clients.GroupExcept(MarketHub.QuotesGroup(id), silenced).SendAsync("GatewayQuote", id, HubPayloads.Quote(quote, fullQuote, shape), cancellationToken).ConfigureAwait(false);
        activity.HubMessageSent();
        var depth = market.Clients.GroupExcept(MarketHub.DepthGroup(id), silenced);
        await depth.SendAsync("GatewayDepth", id, HubPayloads.Depth(id, tick.Time, 4, quote.BestBid, shape), cancellationToken).ConfigureAwait(false);
        activity.HubMessageSent();
        await depth.SendAsync("GatewayDepth", id, HubPayloads.Depth(id, tick.Time, 3, quote.BestAsk, shape), cancellationToken).ConfigureAwait(false);
        activity.HubMessageSent();
    }

    /// <inheritdoc/>
    public async Task PublishSyncAsync(long sequence, CancellationToken cancellationToken)
    {
        await market.Clients.All.SendAsync(SyncMessage, sequence, cancellationToken).ConfigureAwait(false);
        activity.HubMessageSent();
        await user.Clients.All.SendAsync(SyncMessage, sequence, cancellationToken).ConfigureAwait(false);
        activity.HubMessageSent();
    }
}
