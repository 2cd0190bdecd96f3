using GoldBot.Hosting;
using GoldBot.MarketData;
using GoldBot.Services;
using GoldBot.TopstepX.Execution;
using GoldBot.TopstepX.Rest;
using GoldBot.TopstepX.Realtime;
using GoldBot.TopstepX.Realtime.Events;
using Microsoft.Extensions.Logging;

namespace GoldBot.Gateway;

/// <summary>
/// Moves the hubs' events into the daemon: market trades of the traded contract into the bar
/// source, user-hub orders and trades into the broker (when orders go to the gateway). After a
/// user-hub reconnect it reconciles the broker through REST, because missed events are not
/// replayed (<c>research/topstepx-api.md</c> §12.5); after a market-hub reconnect it warns that
/// the bar in progress may lack prints. Connection losses and unreadable payloads are logged.
/// </summary>
public sealed class GatewayEventPump(
    UserHub user,
    MarketHub market,
    TopstepXBroker? broker,
    TradeStreamBarSource bars,
    string contractId,
    RunCoordinator coordinator,
    ILogger<GatewayEventPump> logger) : PipelineService(coordinator, logger)
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
                        bars.OnTrade(trade.Timestamp, trade.Price, trade.Volume);
                    break;
                default:
                    Report("market", e);
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
                case HubReconnected when broker is not null:
                    logger.LogWarning("User hub reconnected: reconciling orders, positions and trades through REST");
                    try
                    {
                        await broker.ReconcileAsync(cancellationToken);
                    }
                    catch (Exception failure) when (failure is GatewayUnavailableException or GatewayException)
                    {
                        // The next reconnect or the next command tries again; trading stays protected by the stops at the gateway.
                        logger.LogError("Reconciliation after the reconnect failed: {Reason}", failure.Message);
                    }
                    break;
                default:
                    Report("user", e);
                    break;
            }
        }
    }

    private void Report(string hub, GatewayHubEvent e)
    {
        switch (e)
        {
            case HubConnectionLost lost:
                logger.LogWarning("{Hub} hub connection lost: {Reason}; reconnecting", hub, lost.Reason ?? "closed");
                break;
            case HubReconnected:
                logger.LogWarning("{Hub} hub reconnected and resubscribed{Note}", hub, hub == "market" ? "; the bar in progress may lack the prints of the gap" : "");
                break;
            case PayloadRejected rejected:
                logger.LogError("Unreadable {Method} payload from the {Hub} hub: {Error}", rejected.Method, hub, rejected.Error);
                break;
        }
    }
}
