namespace GoldBot.MarketData;

/// <summary>
/// Where and from when a <see cref="TradeStreamBarSource"/> takes from History the bars its trade
/// prints cannot give completely: the bar in progress when the subscription started (its earlier
/// prints were never received) and the bars around a market-hub outage (<see cref="TradeStreamBarSource.MarkGap"/>).
/// </summary>
/// <param name="Fetch">
/// Closed bars with open time in [from, to) (UTC), oldest first or in any order, such as
/// <c>ProjectXClient.RetrieveClosedBarsAsync</c> for the traded contract and the source's period.
/// It may throw (gateway unavailable): the source then retries (<see cref="RetryInterval"/>).
/// </param>
/// <param name="LoadedUntil">
/// Close time (UTC) of the last bar already loaded as history (the warm-up), the point from which
/// the source publishes; null when no history was loaded (the first partial bar alone is then
/// fetched). Prints before it are already in that history and skipped (not counted as late).
/// </param>
/// <param name="MaxBarsAwaitingHistory">
/// How many more bars may be completed from prints, after the first bar that needed History, while
/// History fails (throws, or answers without a bar that had trades) before the source gives up on
/// the range (≥ 0; 0 gives up at the first failure): it then publishes what History did give and
/// the waiting bars whose prints were all received, leaves out the partial ones, and logs a
/// warning (<see cref="TradeStreamBarSource"/>). With 3-minute bars the default 3 keeps the strategy
/// at most about 9 minutes behind.
/// </param>
public sealed record HistoryBackfill(HistoryDownload.FetchChunk Fetch, DateTimeOffset? LoadedUntil, int MaxBarsAwaitingHistory = 3)
{
    /// <summary>
    /// Least local-clock time between two History attempts on the source's heartbeat (default 5 s);
    /// an attempt is also made, whatever the time, each time a bar is completed from prints.
    /// </summary>
    public TimeSpan RetryInterval { get; init; } = TimeSpan.FromSeconds(5);
}
