using GoldBot.TopstepX.Auth;
using GoldBot.TopstepX.Hosting;
using GoldBot.TopstepX.Realtime;
using GoldBot.TopstepX.Rest;
using GoldBot.TopstepX.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace GoldBot.TopstepX.Tests;

/// <summary>The DI registration the daemon uses resolves one client, its token source and both hubs.</summary>
public sealed class ServiceRegistrationTests
{
    [Fact]
    public async Task AddTopstepX_resolves_singletons_sharing_one_token_source()
    {
        var services = new ServiceCollection().AddLogging().AddTopstepX(ClientFixture.TestOptions());
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<ProjectXClient>();

        Assert.Same(client, provider.GetRequiredService<ProjectXClient>());
        Assert.Same(client.Tokens, provider.GetRequiredService<ITokenSource>());
        Assert.Same(provider.GetRequiredService<MarketHub>(), provider.GetRequiredService<MarketHub>());
        Assert.NotNull(provider.GetRequiredService<UserHub>());
    }

    [Fact]
    public void AddTopstepX_refuses_invalid_options_listing_each_key()
    {
        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddTopstepX(new TopstepXOptions()));

        Assert.Contains("UserName", error.Message, StringComparison.Ordinal);
        Assert.Contains("ApiKey", error.Message, StringComparison.Ordinal);
    }
}
