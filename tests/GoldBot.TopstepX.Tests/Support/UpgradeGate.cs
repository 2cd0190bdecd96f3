using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http;

namespace GoldBot.TopstepX.Tests.Support;

/// <summary>One WebSocket upgrade request that reached a fake hub: its query token, any Authorization header, and the status it was refused with.</summary>
public sealed record UpgradeAttempt(string Path, string? Token, string? Authorization, int? RefusedWith);

/// <summary>
/// Stands in front of the fake hubs: records every upgrade request, refuses the next ones with a chosen status
/// (503 for an outage, 401 for a rejected token; a token "expired" is always refused with 401), and can hold one
/// request until the test releases it, so a test sees an attempt while it is executing.
/// </summary>
public sealed class UpgradeGate
{
    private readonly ConcurrentQueue<int> _refusals = new();
    private TaskCompletionSource? _hold;

    public Channel<UpgradeAttempt> Attempts { get; } = Channel.CreateUnbounded<UpgradeAttempt>();

    /// <summary>Refuses the next <paramref name="times"/> upgrade requests with HTTP <paramref name="status"/>.</summary>
    public void Refuse(int status, int times)
    {
        for (var i = 0; i < times; i++)
            _refusals.Enqueue(status);
    }

    /// <summary>Holds the next upgrade request (after recording it) until the returned source is completed.</summary>
    public TaskCompletionSource Hold()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _hold = hold;
        return hold;
    }

    public async Task<List<UpgradeAttempt>> NextAsync(int count)
    {
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var list = new List<UpgradeAttempt>();
        while (list.Count < count)
            list.Add(await Attempts.Reader.ReadAsync(safety.Token));
        return list;
    }

    /// <summary>Records the request; returns the status to refuse it with, or null to let it through.</summary>
    internal async Task<int?> AdmitAsync(HttpContext context)
    {
        var token = context.Request.Query.TryGetValue("access_token", out var values) ? values.ToString() : null;
        var authorization = context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null;
        int? refused = _refusals.TryDequeue(out var status) ? status : token == "expired" ? StatusCodes.Status401Unauthorized : null;
        Attempts.Writer.TryWrite(new UpgradeAttempt(context.Request.Path, token, authorization, refused));
        if (Interlocked.Exchange(ref _hold, null) is { } hold)
            await hold.Task;
        return refused;
    }
}
