using System.Net;
using System.Threading.Channels;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GoldBot.Tests.Alerts;

/// <summary>One request the capture server received.</summary>
internal sealed record CapturedRequest(string Method, string Path, string Body);

/// <summary>
/// A real HTTP server (Kestrel) on 127.0.0.1 and a free port that records every request and answers it with
/// <see cref="Respond"/> (200 and <c>{}</c> by default): what an alert channel would have sent, without the internet.
/// </summary>
internal sealed class CaptureServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<CapturedRequest> _requests = Channel.CreateUnbounded<CapturedRequest>();

    private CaptureServer(WebApplication app) => _app = app;

    /// <summary>The answer to each request: status code and JSON body (may wait, to hold a request open).</summary>
    public Func<CapturedRequest, Task<(int Status, string Body)>> Respond { get; set; } = _ => Task.FromResult((200, "{}"));

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>Every request received, in order.</summary>
    public List<CapturedRequest> Received { get; } = [];

    public static async Task<CaptureServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var server = new CaptureServer(app);
        app.Run(server.HandleAsync);
        await app.StartAsync();
        server.BaseUrl = new Uri(app.Urls.Single());
        return server;
    }

    /// <summary>The next request (waits for it; the token only guards against a hang, it times nothing).</summary>
    public async Task<CapturedRequest> NextAsync()
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        return await _requests.Reader.ReadAsync(guard.Token);
    }

    /// <summary>True when a request arrived that <see cref="NextAsync"/> has not returned yet.</summary>
    public bool HasPending => _requests.Reader.TryPeek(out _);

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var request = new CapturedRequest(context.Request.Method, context.Request.Path.Value ?? "", await reader.ReadToEndAsync());
        lock (Received)
            Received.Add(request);
        _requests.Writer.TryWrite(request);
        var (status, body) = await Respond(request);
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
