namespace GoldBot.Monitoring;

/// <summary>status.json <c>feed</c>: the market-data feed's health (market time).</summary>
/// <param name="State"><c>ok</c>, <c>stale</c> (open market, no quote or trade for the threshold), <c>disconnected</c> (market hub down) or <c>closed</c> (the market is not trading).</param>
/// <param name="QuoteAgeMs">Milliseconds since the last quote, or null before the first.</param>
/// <param name="LastTradeAgeMs">Milliseconds since the last trade print, or null before the first.</param>
/// <param name="BarAgeS">Seconds since the last bar's close, or null before the first.</param>
/// <param name="Reconnects">Market hub reconnects since start.</param>
/// <param name="Connected">True while the market hub is connected.</param>
public sealed record FeedStatus(FeedState State, long? QuoteAgeMs, long? LastTradeAgeMs, double? BarAgeS, int Reconnects, bool Connected);
