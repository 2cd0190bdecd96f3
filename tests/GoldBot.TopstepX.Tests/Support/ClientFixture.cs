using GoldBot.TopstepX.Rest;

namespace GoldBot.TopstepX.Tests.Support;

/// <summary>A <see cref="ProjectXClient"/> over a <see cref="StubGateway"/> and a manual clock.</summary>
internal sealed class ClientFixture : IDisposable
{
    public ClientFixture(TopstepXOptions? options = null)
    {
        Time = new ManualTimeProvider();
        Gateway = new StubGateway(Time);
        Options = options ?? TestOptions();
        Http = Gateway.CreateClient();
        Client = new ProjectXClient(Http, Options, Time, Logger);
    }

    public ManualTimeProvider Time { get; }

    public StubGateway Gateway { get; }

    public TopstepXOptions Options { get; }

    public HttpClient Http { get; }

    public CapturingLogger<ProjectXClient> Logger { get; } = new();

    public ProjectXClient Client { get; }

    public static TopstepXOptions TestOptions() => new()
    {
        ApiBaseUrl = new Uri("https://gateway.test"),
        UserName = "tester",
        ApiKey = "secret-api-key-123",
        AccountId = 26282486,
    };

    public void Dispose()
    {
        Client.Dispose();
        Http.Dispose();
        Gateway.Dispose();
    }
}
