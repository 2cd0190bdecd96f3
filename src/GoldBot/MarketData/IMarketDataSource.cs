using GoldBot.Market;

namespace GoldBot.MarketData;

/// <summary>Where closed bars come from: a file replay now, the TopstepX market hub later.</summary>
public interface IMarketDataSource
{
    /// <summary>Length of each bar.</summary>
    TimeSpan Period { get; }

    /// <summary>True for a replay (bars as fast as the pipeline allows, market time from the bars).</summary>
    bool IsReplay { get; }

    /// <summary>Human-readable origin, for logs.</summary>
    string Description { get; }

    /// <summary>Closed bars in time order.</summary>
    IAsyncEnumerable<Bar> ReadAsync(CancellationToken cancellationToken);
}
