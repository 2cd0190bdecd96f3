using GoldBot.GatewaySimulator.Faults;
using GoldBot.GatewaySimulator.Hosting;
using Microsoft.AspNetCore.SignalR;

namespace GoldBot.GatewaySimulator.Hubs;

/// <summary>
/// <c>/hubs/market</c>: quotes, trades and depth per contract (research/topstepx-api.md §9.1–9.2). Events carry two
/// arguments, <c>(contractId, data)</c>. Subscribing to quotes sends the current quote at once (a simulator choice), in order with every other hub send.
/// </summary>
public sealed class MarketHub(SimulatedGateway gateway, HubConnectionRegistry registry, GatewaySimulatorOptions options, FaultState faults) : Hub
{
    /// <summary>Group of the quote subscribers of a contract.</summary>
    public static string QuotesGroup(string contractId) => "quotes:" + contractId;

    /// <summary>Group of the trade subscribers of a contract.</summary>
    public static string TradesGroup(string contractId) => "trades:" + contractId;

    /// <summary>Group of the depth subscribers of a contract.</summary>
    public static string DepthGroup(string contractId) => "depth:" + contractId;

    /// <inheritdoc/>
    public override Task OnConnectedAsync()
    {
        registry.Add(Context, HubConnectionRegistry.Market);
        return base.OnConnectedAsync();
    }

    /// <inheritdoc/>
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        registry.Remove(Context);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Subscribes to <c>GatewayQuote</c> of a contract and receives its current quote.</summary>
    /// <exception cref="HubException">Unknown contract.</exception>
    public async Task SubscribeContractQuotes(string contractId)
    {
        Known(contractId);
        await Groups.AddToGroupAsync(Context.ConnectionId, QuotesGroup(contractId)).ConfigureAwait(false);
        var caller = Clients.Caller;
        await gateway.RunExclusiveAsync(async g =>
        {
            if (g.Replay.ContractId != contractId || g.Replay.CurrentQuote is not { } quote)
                return;
            var offset = faults.MarketTimestampOffset;
            await caller.SendAsync("GatewayQuote", contractId, HubPayloads.Quote(quote with { Timestamp = quote.Timestamp + offset }, full: true, options.PayloadShape)).ConfigureAwait(false);
            g.Activity.HubMessageSent();
        }, Context.ConnectionAborted).ConfigureAwait(false);
    }

    /// <summary>Stops <c>GatewayQuote</c> of a contract.</summary>
    public Task UnsubscribeContractQuotes(string contractId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, QuotesGroup(contractId));

    /// <summary>Subscribes to <c>GatewayTrade</c> of a contract.</summary>
    /// <exception cref="HubException">Unknown contract.</exception>
    public Task SubscribeContractTrades(string contractId)
    {
        Known(contractId);
        return Groups.AddToGroupAsync(Context.ConnectionId, TradesGroup(contractId));
    }

    /// <summary>Stops <c>GatewayTrade</c> of a contract.</summary>
    public Task UnsubscribeContractTrades(string contractId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, TradesGroup(contractId));

    /// <summary>Subscribes to <c>GatewayDepth</c> of a contract.</summary>
    /// <exception cref="HubException">Unknown contract.</exception>
    public Task SubscribeContractMarketDepth(string contractId)
    {
        Known(contractId);
        return Groups.AddToGroupAsync(Context.ConnectionId, DepthGroup(contractId));
    }

    /// <summary>Stops <c>GatewayDepth</c> of a contract.</summary>
    public Task UnsubscribeContractMarketDepth(string contractId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, DepthGroup(contractId));

    private void Known(string contractId)
    {
        if (contractId is null || !gateway.Engine.Contracts.ContainsKey(contractId))
            throw new HubException($"Unknown contract '{contractId}'");
    }
}
