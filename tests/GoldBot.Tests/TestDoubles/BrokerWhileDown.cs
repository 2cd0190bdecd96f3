using GoldBot.Execution;
using GoldBot.Market;

namespace GoldBot.Tests.TestDoubles;

/// <summary>The simulated broker trading on while GoldBot is down: nobody hears its events.</summary>
internal static class BrokerWhileDown
{
    /// <summary>Plays <paramref name="bar"/> at <paramref name="broker"/> (its fills happen) and drops the events it sent to <paramref name="sink"/>.</summary>
    public static async Task BarAsync(SimulatedBroker broker, RecordingBrokerEventSink sink, Bar bar)
    {
        await broker.OnBarOpenAsync(bar, CancellationToken.None);
        await broker.OnBarAsync(bar, CancellationToken.None);
        sink.Drain();
    }
}
