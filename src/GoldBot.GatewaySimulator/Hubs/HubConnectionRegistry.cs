using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace GoldBot.GatewaySimulator.Hubs;

/// <summary>The open hub connections of both hubs, so the drop-connections fault can abort them all and the silence fault find the market hub's.</summary>
public sealed class HubConnectionRegistry
{
    /// <summary>Name of the market hub's connections.</summary>
    public const string Market = "market";

    /// <summary>Name of the user hub's connections.</summary>
    public const string User = "user";

    private readonly ConcurrentDictionary<string, (HubCallerContext Context, string Hub)> _connections = new();

    /// <summary>Number of open connections.</summary>
    public int Count => _connections.Count;

    /// <summary>Records an opened connection of <paramref name="hub"/> (<see cref="Market"/> or <see cref="User"/>).</summary>
    public void Add(HubCallerContext context, string hub) => _connections[context.ConnectionId] = (context, hub);

    /// <summary>Ids of the open connections of <paramref name="hub"/>.</summary>
    public IReadOnlyList<string> ConnectionIds(string hub) => [.. _connections.Where(c => c.Value.Hub == hub).Select(c => c.Key)];

    /// <summary>Forgets a closed connection.</summary>
    public void Remove(HubCallerContext context) => _connections.TryRemove(context.ConnectionId, out _);

    /// <summary>Aborts every open connection; returns how many.</summary>
    public int AbortAll()
    {
        var count = 0;
        foreach (var (_, (context, _)) in _connections)
        {
            context.Abort();
            count++;
        }
        return count;
    }
}
