using GoldBot.Hosting;
using GoldBot.MarketData;
using GoldBot.Pipeline;
using GoldBot.Services;
using GoldBot.TopstepX.Execution;
using GoldBot.TopstepX.Realtime;
using GoldBot.TopstepX.Realtime.Events;
using Microsoft.Extensions.Logging;

namespace GoldBot.Gateway;

/// <summary>
/// Moves the hubs' events into the daemon: market trades of the traded contract into the bar source and
/// the feed monitor, quotes into the feed monitor, user-hub orders and trades into the broker adapter (when
/// orders go to the gateway). It tells the executor when the user hub is lost (it then checks the position
/// through REST every second) and when it is back (it reads the account, because missed events are not
/// replayed, <c>research/topstepx-api.md</c> §12.5); a market-hub loss
/// marks a gap in the bar source (the bars missed are fetched from History before the next bar) and goes to
/// the feed monitor. Trades of the dollar filter's proxy contract, when there is one, go to its own bar source. Unreadable payloads are logged.
/// </summary>
public sealed class GatewayEventPump(
    UserHub user,
    MarketHub market,
    TopstepXBroker? broker,
    TradeStreamBarSource bars,
    FeedMonitor feed,
    PipelineChannels channels,
    string contractId,
    RunCoordinator coordinator,
    ILogger<GatewayEventPump> logger,
    GatewayActivity? activity = null,
    Intermarket.DollarProxyTrades? proxy = null) : PipelineService(coordinator, logger)
{
    /// <inheritdoc/>
    protected override Task RunAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(PumpMarketAsync(stoppingToken), PumpUserAsync(stoppingToken));

    private async Task PumpMarketAsync(CancellationToken cancellationToken)
    {
        await foreach (var e in market.Events.ReadAllAsync(cancellationToken))
        {
            switch (e)
            {
                case MarketTradesReceived trades when trades.ContractId == contractId:
                    foreach (var trade in trades.Trades)
                    {
                        feed.OnTrade(trade.Price);
                        bars.OnTrade(trade.Timestamp, trade.Price, trade.Volume);
                    }
                    break;
                case MarketTradesReceived trades when proxy is not null && trades.ContractId == proxy.ContractId:
                    foreach (var trade in trades.Trades)
                        proxy.Bars.OnTrade(trade.Timestamp, trade.Price, trade.Volume);
                    break;
                case QuoteReceived quote when quote.ContractId == contractId:
                    feed.OnQuote(quote.Update.LastPrice);
                    break;
                case HubConnectionLost lost:
                    feed.OnDisconnected();
                    bars.MarkGap();
                    proxy?.Bars.MarkGap();
                    logger.LogWarning("Market hub connection lost: {Reason}; reconnecting (the bars missed meanwhile come from History)", lost.Reason ?? "closed");
                    break;
                case HubReconnected:
                    feed.OnConnected();
                    logger.LogInformation("Market hub reconnected and resubscribed");
                    break;
                case PayloadRejected rejected:
                    logger.LogError("Unreadable {Method} payload from the market hub: {Error}", rejected.Method, rejected.Error);
                    break;
                case HubSync sync:
                    activity?.Synced("market", sync.Sequence);
                    break;
            }
        }
    }

    private async Task PumpUserAsync(CancellationToken cancellationToken)
    {
        await foreach (var e in user.Events.ReadAllAsync(cancellationToken))
        {
            switch (e)
            {
                case OrderUpdated order when broker is not null:
                    await broker.OnOrderAsync(order.Order, cancellationToken);
                    break;
                case UserTradeReceived trade when broker is not null:
                    await broker.OnTradeAsync(trade.Trade, cancellationToken);
                    break;
                case HubConnectionLost lost:
                    logger.LogWarning("User hub connection lost: {Reason}; reconnecting (meanwhile the position is checked through REST)", lost.Reason ?? "closed");
                    if (broker is not null)
                        await channels.Executor.WriteAsync(new UserEventsChanged(Flowing: false, "user hub connection lost"), cancellationToken);
                    break;
                case HubReconnected when broker is not null:
                    logger.LogInformation("User hub reconnected: reading orders, positions and fills through REST");
                    await channels.Executor.WriteAsync(new UserEventsChanged(Flowing: true, "user hub reconnected"), cancellationToken);
                    break;
                case PayloadRejected rejected:
                    logger.LogError("Unreadable {Method} payload from the user hub: {Error}", rejected.Method, rejected.Error);
                    break;
                case HubSync sync:
                    activity?.Synced("user", sync.Sequence);
                    break;
            }
        }
    }
}
