using GoldBot.TopstepX.Contracts;

namespace GoldBot.TopstepX.Realtime.Events;

/// <summary>Market trades printed on <paramref name="ContractId"/> (one <c>GatewayTrade</c> message, object or array).</summary>
/// <param name="ContractId">Contract id.</param>
/// <param name="Trades">Trades in message order.</param>
public sealed record MarketTradesReceived(DateTimeOffset ReceivedAt, string ContractId, IReadOnlyList<MarketTrade> Trades) : GatewayHubEvent(ReceivedAt);
