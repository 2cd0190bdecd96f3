namespace GoldBot.GatewaySimulator.Faults;

/// <summary>
/// Hub drops during a flatten: each of the next <paramref name="Count"/> successful <c>Position/closeContract</c> requests aborts every
/// hub connection (market and user) right after the close was executed and its events sent, before the REST answer; with
/// <paramref name="RefuseSeconds"/> new hub connections are then refused (HTTP 503) for that long on the simulator's clock
/// (reconnect gaps of minutes, e.g. 120).
/// </summary>
/// <param name="Count">How many closes (0 switches it off).</param>
/// <param name="RefuseSeconds">Seconds to refuse reconnects after each drop; null or 0: reconnects are accepted at once.</param>
public sealed record HubDropOnClose(int Count = 1, double? RefuseSeconds = null);
