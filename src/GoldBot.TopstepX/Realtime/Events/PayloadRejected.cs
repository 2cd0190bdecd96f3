namespace GoldBot.TopstepX.Realtime.Events;

/// <summary>A hub message that could not be parsed; it was skipped so the stream keeps running.</summary>
/// <param name="Hub">"market" or "user".</param>
/// <param name="Method">Hub event name, e.g. <c>GatewayUserOrder</c>.</param>
/// <param name="Error">Parser message.</param>
public sealed record PayloadRejected(DateTimeOffset ReceivedAt, string Hub, string Method, string Error) : GatewayHubEvent(ReceivedAt);
