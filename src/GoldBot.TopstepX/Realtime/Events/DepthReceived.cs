using GoldBot.TopstepX.Contracts;

namespace GoldBot.TopstepX.Realtime.Events;

/// <summary>Market-depth updates for <paramref name="ContractId"/> (one <c>GatewayDepth</c> message, object or array).</summary>
/// <param name="ContractId">Contract id.</param>
/// <param name="Entries">Updates in message order; each replaces the size at its price level.</param>
public sealed record DepthReceived(DateTimeOffset ReceivedAt, string ContractId, IReadOnlyList<DepthEntry> Entries) : GatewayHubEvent(ReceivedAt);
