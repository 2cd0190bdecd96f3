using GoldBot.Execution;
using GoldBot.MarketData;

namespace GoldBot.Hosting;

/// <summary>
/// The only things that differ between the daemon's modes (Lean's one-interface-per-boundary
/// design): where time comes from, where bars come from, where orders go.
/// </summary>
/// <param name="RunId">Identifies this run in the journals; also makes order tags unique across restarts.</param>
/// <param name="Clock">Market time: a <see cref="Time.ReplayClock"/> following the bars, or the system clock live.</param>
/// <param name="Source">Closed bars.</param>
/// <param name="CreateBroker">Creates the broker, given the services and the sink its events must go to. A broker that is also an <see cref="IBarDrivenVenue"/> fills from the bar stream.</param>
/// <param name="Feed">The live feed's health (gateway modes): with it, a clock tick drives the rules every second of market time; null in a replay, where bars do.</param>
public sealed record DaemonBoundaries(string RunId, TimeProvider Clock, IMarketDataSource Source, Func<IServiceProvider, IBrokerEventSink, IBroker> CreateBroker,
    FeedMonitor? Feed = null);
