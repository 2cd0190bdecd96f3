using GoldBot.GatewaySimulator.Engine;
using GoldBot.GatewaySimulator.Market;

namespace GoldBot.GatewaySimulator.Hosting;

/// <summary>Where the simulated gateway sends its realtime events (the SignalR hubs in the app). Calls are serialised by the gateway.</summary>
public interface IGatewayEventSink
{
    /// <summary>Publishes the user events of one change, in the order given (already arranged by the user-event faults).</summary>
    Task PublishUserAsync(IReadOnlyList<EngineEvent> events, CancellationToken cancellationToken);

    /// <summary>Publishes one market trade and the quote after it.</summary>
    /// <param name="fullQuote">True when the quote should carry every field (bar open), false for a bid/ask update.</param>
    Task PublishMarketAsync(MarketTick tick, Quote quote, bool fullQuote, CancellationToken cancellationToken);

    /// <summary>Sends the <c>SimulatorSync</c> marker with <paramref name="sequence"/> to every connection of both hubs, after everything sent before.</summary>
    Task PublishSyncAsync(long sequence, CancellationToken cancellationToken);
}
