namespace GoldBot.TopstepX.Contracts;

/// <summary>
/// One OHLCV bar of History/retrieveBars (§6). On the wire the fields are <c>t, o, h, l, c, v</c>;
/// <see cref="Serialization.GatewayBarConverter"/> also reads the long names
/// (<c>timestamp, open, …</c>) that some captures use.
/// </summary>
/// <param name="Time">Bar open time, UTC.</param>
/// <param name="Open">Open price, points.</param>
/// <param name="High">High price, points.</param>
/// <param name="Low">Low price, points.</param>
/// <param name="Close">Close price, points.</param>
/// <param name="Volume">Volume, contracts (ProjectX platform volume only, not full CME volume; §6).</param>
public readonly record struct GatewayBar(DateTimeOffset Time, decimal Open, decimal High, decimal Low, decimal Close, long Volume);
