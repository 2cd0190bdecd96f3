using Microsoft.AspNetCore.SignalR;

namespace GoldBot.GatewaySimulator.Hubs;

/// <summary>
/// <c>/hubs/user</c>: account, order, position and trade events (research/topstepx-api.md §9.1–9.2). Events carry one
/// argument. Subscriptions do not survive a reconnect, as on the gateway.
/// </summary>
public sealed class UserHub(HubConnectionRegistry registry) : Hub
{
    /// <summary>Group of the account subscribers.</summary>
    public const string AccountsGroup = "accounts";

    /// <summary>Group of the order subscribers of an account.</summary>
    public static string OrdersGroup(int accountId) => "orders:" + accountId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Group of the position subscribers of an account.</summary>
    public static string PositionsGroup(int accountId) => "positions:" + accountId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Group of the trade subscribers of an account.</summary>
    public static string TradesGroup(int accountId) => "trades:" + accountId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc/>
    public override Task OnConnectedAsync()
    {
        registry.Add(Context, HubConnectionRegistry.User);
        return base.OnConnectedAsync();
    }

    /// <inheritdoc/>
    public override Task OnDisconnectedAsync(Exception? exception)
    {
        registry.Remove(Context);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>Subscribes to <c>GatewayUserAccount</c> of every account.</summary>
    public Task SubscribeAccounts() => Groups.AddToGroupAsync(Context.ConnectionId, AccountsGroup);

    /// <summary>Stops <c>GatewayUserAccount</c>.</summary>
    public Task UnsubscribeAccounts() => Groups.RemoveFromGroupAsync(Context.ConnectionId, AccountsGroup);

    /// <summary>Subscribes to <c>GatewayUserOrder</c> of an account.</summary>
    public Task SubscribeOrders(int accountId) => Groups.AddToGroupAsync(Context.ConnectionId, OrdersGroup(accountId));

    /// <summary>Stops <c>GatewayUserOrder</c> of an account.</summary>
    public Task UnsubscribeOrders(int accountId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, OrdersGroup(accountId));

    /// <summary>Subscribes to <c>GatewayUserPosition</c> of an account.</summary>
    public Task SubscribePositions(int accountId) => Groups.AddToGroupAsync(Context.ConnectionId, PositionsGroup(accountId));

    /// <summary>Stops <c>GatewayUserPosition</c> of an account.</summary>
    public Task UnsubscribePositions(int accountId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, PositionsGroup(accountId));

    /// <summary>Subscribes to <c>GatewayUserTrade</c> of an account.</summary>
    public Task SubscribeTrades(int accountId) => Groups.AddToGroupAsync(Context.ConnectionId, TradesGroup(accountId));

    /// <summary>Stops <c>GatewayUserTrade</c> of an account.</summary>
    public Task UnsubscribeTrades(int accountId) => Groups.RemoveFromGroupAsync(Context.ConnectionId, TradesGroup(accountId));
}
