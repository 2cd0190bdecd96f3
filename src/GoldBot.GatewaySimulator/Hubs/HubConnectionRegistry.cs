using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace GoldBot.GatewaySimulator.Hubs;

/// <summary>The open hub connections of both hubs, so the drop-connections fault can abort them all.</summary>
public sealed class HubConnectionRegistry
{
    private readonly ConcurrentDictionary<string, HubCallerContext> _connections = new();

    /// <summary>Number of open connections.</summary>
    public int Count => _connections.Count;

    /// <summary>Records an opened connection.</summary>
    public void Add(HubCallerContext context) => _connections[context.ConnectionId] = context;

    /// <summary>Forgets a closed connection.</summary>
    public void Remove(HubCallerContext context) => _connections.TryRemove(context.ConnectionId, out _);

    /// <summary>Aborts every open connection; returns how many.</summary>
    public int AbortAll()
    {
        var count = 0;
        foreach (var (_, context) in _connections)
        {
            context.Abort();
            count++;
        }
        return count;
    }
}
