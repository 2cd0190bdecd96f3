using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GoldBot.TopstepX.Tests.Support;

/// <summary>One request the client sent, stamped with the manual clock.</summary>
internal sealed record RecordedRequest(string Path, string? Token, string? Body, DateTimeOffset At)
{
    public JsonNode? Json => Body is null ? null : JsonNode.Parse(Body);
}

/// <summary>
/// An in-memory gateway behind an <see cref="HttpMessageHandler"/>: records every request and answers
/// through <see cref="Respond"/>; logins answer with a fresh fake JWT valid 24 h unless overridden.
/// </summary>
internal sealed class StubGateway : HttpMessageHandler
{
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _arrived = new(0);
    private int _logins;

    public StubGateway(TimeProvider time)
    {
        _time = time;
        Respond = (request, _) => Task.FromResult(Ok(new JsonObject()));
    }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>Answers every non-login request (and logins when <see cref="RespondToLogin"/> is null).</summary>
    public Func<RecordedRequest, CancellationToken, Task<HttpResponseMessage>> Respond { get; set; }

    public Func<RecordedRequest, HttpResponseMessage>? RespondToLogin { get; set; }

    public List<string> IssuedTokens { get; } = [];

    public int Logins => Volatile.Read(ref _logins);

    public IEnumerable<RecordedRequest> To(string path) => Requests.Where(r => r.Path == path);

    /// <summary>Waits until <paramref name="count"/> more requests have arrived (bounded by a safety timeout, not a sleep).</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        using var safety = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        for (var i = 0; i < count; i++)
            await _arrived.WaitAsync(safety.Token);
    }

    public HttpClient CreateClient() => new(this) { Timeout = Timeout.InfiniteTimeSpan };

    public static HttpResponseMessage Ok(JsonObject payload, bool success = true, int errorCode = 0, string? errorMessage = null)
    {
        payload["success"] = success;
        payload["errorCode"] = errorCode;
        payload["errorMessage"] = errorMessage;
        return Json(payload);
    }

    public static HttpResponseMessage Json(JsonNode payload, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = new StringContent(payload.ToJsonString(), Encoding.UTF8, "application/json") };

    public static JsonNode Fixture(string name) =>
        JsonNode.Parse(File.ReadAllText(GoldBot.Tests.SharedData.Path("fixtures/projectx-live/" + name)))!;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(request.RequestUri!.AbsolutePath, request.Headers.Authorization?.Parameter, body, _time.GetUtcNow());
        Requests.Enqueue(recorded);
        _arrived.Release();
        if (recorded.Path == "/api/Auth/loginKey")
        {
            Interlocked.Increment(ref _logins);
            if (RespondToLogin is not null)
                return RespondToLogin(recorded);
            var token = FakeJwt.Create(_time.GetUtcNow().AddHours(24), "login" + Logins);
            lock (IssuedTokens)
                IssuedTokens.Add(token);
            return Ok(new JsonObject { ["token"] = token });
        }
        return await Respond(recorded, cancellationToken);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            _arrived.Dispose();
        base.Dispose(disposing);
    }
}
