using GoldBot.TopstepX.Contracts;

namespace GoldBot.TopstepX.Realtime.Events;

/// <summary>A market-hub quote for <paramref name="ContractId"/>, already merged with the last known values (<see cref="QuoteBook"/>).</summary>
/// <param name="ContractId">Contract id (first handler argument).</param>
/// <param name="Quote">Merged quote: fields missing from the partial update keep their previous values.</param>
/// <param name="Update">The update as received: a field it did not carry is null. The gateway sends <c>lastPrice</c> only in
/// some updates, so the merged <see cref="GatewayQuote.LastPrice"/> can be older than the last trade print; a price
/// watcher reads this one.</param>
public sealed record QuoteReceived(DateTimeOffset ReceivedAt, string ContractId, GatewayQuote Quote, GatewayQuote Update) : GatewayHubEvent(ReceivedAt);
