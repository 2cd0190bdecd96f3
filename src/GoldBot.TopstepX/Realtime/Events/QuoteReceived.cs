using GoldBot.TopstepX.Contracts;

namespace GoldBot.TopstepX.Realtime.Events;

/// <summary>A market-hub quote for <paramref name="ContractId"/>, already merged with the last known values (<see cref="QuoteBook"/>).</summary>
/// <param name="ContractId">Contract id (first handler argument).</param>
/// <param name="Quote">Merged quote: fields missing from the partial update keep their previous values.</param>
public sealed record QuoteReceived(DateTimeOffset ReceivedAt, string ContractId, GatewayQuote Quote) : GatewayHubEvent(ReceivedAt);
