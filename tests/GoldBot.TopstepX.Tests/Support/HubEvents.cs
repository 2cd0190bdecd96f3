using System.Threading.Channels;
using GoldBot.TopstepX.Realtime.Events;

namespace GoldBot.TopstepX.Tests.Support;

/// <summary>Reads a hub's event channel up to the next event of a type (a 15 s guard against a hung test, not a timing assertion).</summary>
internal static class HubEvents
{
    public static async Task<T> NextAsync<T>(ChannelReader<GatewayHubEvent> events)
        where T : GatewayHubEvent
    {
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            if (await events.ReadAsync(safety.Token) is T wanted)
                return wanted;
        }
    }
}
