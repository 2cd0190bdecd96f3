using GoldBot.Cli;
using GoldBot.Configuration;
using GoldBot.MarketData;

namespace GoldBot.IntegrationTests;

/// <summary><c>goldbot history --mode sim</c> downloads the simulator's history (the real MGC bars) into a CSV the replay reads.</summary>
public sealed class HistoryCommandTests
{
    [Fact]
    public async Task History_downloads_the_gateways_bars_in_chunks_into_a_file_identical_to_the_source()
    {
        await using var market = await SimulatedMarket.StartAsync(SimModeTradeTests.MarketStart);
        var folder = Directory.CreateTempSubdirectory("goldbot-history-").FullName;
        var config = Path.Combine(folder, "settings.json");
        await File.WriteAllTextAsync(config, $$"""{ "TopstepX": { "SimulatorUrl": "{{market.BaseUrl}}" } }""");
        var output = Path.Combine(folder, "mgc.csv");
        var from = new DateTimeOffset(2025, 11, 24, 0, 0, 0, TimeSpan.Zero);
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await GatewayCommands.HistoryAsync("MGC", "3m", from, SimModeTradeTests.MarketStart, output, RunMode.Sim, config, stdout, stderr, CancellationToken.None);

        Assert.True(code == 0, stderr.ToString());
        var expected = SimulatedMarket.Bars.Where(b => b.OpenTime >= from && b.OpenTime < SimModeTradeTests.MarketStart).ToList();
        Assert.Equal(expected, BarCsvReader.Read(output).Bars);
        Assert.Contains($"{expected.Count} bars of CON.F.US.MGC.G26 (3m)", stdout.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_gateway_mode_or_credentials_it_says_what_is_needed()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var config = Path.Combine(Directory.CreateTempSubdirectory("goldbot-history-").FullName, "settings.json");
        await File.WriteAllTextAsync(config, "{}");

        var code = await GatewayCommands.AccountsAsync(null, config, stdout, stderr, CancellationToken.None);

        Assert.Equal(2, code);
        Assert.Contains("add --mode sim", stderr.ToString(), StringComparison.Ordinal);
    }
}
