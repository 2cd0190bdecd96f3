namespace GoldBot.GatewaySimulator.Faults;

/// <summary>
/// A quiet market: replayed points whose market time is in [<paramref name="From"/>, <paramref name="Until"/>) are consumed with no effect
/// (no <c>GatewayTrade</c>, <c>GatewayQuote</c> or <c>GatewayDepth</c>, no fills from price; bar history is unchanged). Play resumes with the
/// first point at or after the window's end, treated as a gap (full quote; limits and stops fill at that price). Orders placed
/// during the window still fill at the last price published before it. A new window replaces the previous one.
/// </summary>
/// <param name="From">Window start, market time (UTC); null: the market clock's time now.</param>
/// <param name="Until">Window end (exclusive), market time (UTC); null: <paramref name="From"/> + <paramref name="Seconds"/>.</param>
/// <param name="Seconds">Window length in seconds of market time, used when <paramref name="Until"/> is null.</param>
public sealed record QuietMarket(DateTimeOffset? From = null, DateTimeOffset? Until = null, double? Seconds = null);
