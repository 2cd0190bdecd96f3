using GoldBot.GatewaySimulator.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GoldBot.GatewaySimulator.Tests;

/// <summary>What <c>goldbot-sim</c> prints: its own progress, not ASP.NET Core's request lines (a hub URL carries the access token).</summary>
public sealed class SimulatorConsoleTests
{
    [Fact]
    public void Request_lines_are_left_out_and_the_simulators_own_lines_kept()
    {
        using var services = new ServiceCollection().AddLogging(SimulatorConsole.Configure).BuildServiceProvider();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Hosting.Diagnostics").IsEnabled(LogLevel.Information));
        Assert.False(loggers.CreateLogger("Microsoft.AspNetCore.Routing.EndpointMiddleware").IsEnabled(LogLevel.Information));
        Assert.True(loggers.CreateLogger("Microsoft.AspNetCore.Server.Kestrel").IsEnabled(LogLevel.Warning));
        Assert.True(loggers.CreateLogger(typeof(ReplayPump).FullName!).IsEnabled(LogLevel.Information));
    }

    [Fact]
    public void A_progress_line_says_where_the_market_stands()
    {
        var progress = new ReplayProgress(new DateTimeOffset(2025, 11, 26, 15, 30, 0, TimeSpan.Zero), "CON.F.US.MGC.G26", 4191.3m, 1238, 12382, 1, 2);
        Assert.Equal("market 2025-11-26 15:30Z CON.F.US.MGC.G26 4191.3, bar 1238/12382 (10.0 %), 1 open position, 2 working orders", progress.ToString());
        Assert.Equal("market 2025-11-26 15:30Z CON.F.US.MGC.G26 no trade yet, bar 0/12382 (0.0 %), 0 open positions, 0 working orders",
            (progress with { LastPrice = null, BarsPlayed = 0, OpenPositions = 0, WorkingOrders = 0 }).ToString());
    }
}
