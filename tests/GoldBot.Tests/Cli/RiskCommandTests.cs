using GoldBot.Cli;
using GoldBot.Risk;
using GoldBot.State;

namespace GoldBot.Tests.Cli;

public sealed class RiskCommandTests : IDisposable
{
    private const long Account = 4242;
    private readonly string _folder = Directory.CreateTempSubdirectory("goldbot-risk-cli-").FullName;
    private readonly string _config;

    public RiskCommandTests()
    {
        _config = Path.Combine(_folder, "appsettings.json");
        File.WriteAllText(_config, $$"""{ "State": { "Directory": "{{Path.Combine(_folder, "state").Replace("\\", "/", StringComparison.Ordinal)}}" } }""");
    }

    private string Store => Path.Combine(_folder, "state", $"account-{Account}.db");

    [Fact]
    public async Task Set_floor_on_an_account_without_state_is_rolled_from_the_gateways_balance_at_the_next_start()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, await RiskCommand.SetFloorAsync(Account, 49_250m, _config, output, error));

        using var store = StateStore.Open(Store, TimeProvider.System);
        var saved = store.LoadRisk(Account);
        // The default rules: 50,000 starting balance, 2,000 maximum loss limit; a day that began at 51,000 does not move a 49,250 floor.
        var (state, assumptions) = RiskStateRecovery.Recover(saved, new AccountFacts(51_000m, 0m, true), new DateOnly(2025, 12, 10), new RiskOptions());
        Assert.Equal((49_250m, 51_250m), (state.MaxLossFloor, state.HighestEndOfDayBalance));
        Assert.Empty(assumptions);
        Assert.Contains("maximum-loss floor set to 49250.00", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_floor_lowers_a_wrong_floor_lifts_its_halt_and_show_prints_it()
    {
        using (var store = StateStore.Open(Store, TimeProvider.System))
            store.SaveRisk(Account, new RiskState(new DateOnly(2025, 12, 10), 49_950m, 49_950m, 52_000m, 50_000m, 0, 0, 40, null, "maximum loss limit: equity 49950.00 at or below floor 50000.00"));
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(0, await RiskCommand.SetFloorAsync(Account, 48_100m, _config, output, error));
        Assert.Equal(0, await RiskCommand.ShowAsync(Account, _config, output, error));

        Assert.Contains("is lifted", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("highest end-of-day balance 50100.00, maximum-loss floor 48100.00 USD", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("halted for good: no", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Set_floor_refuses_a_floor_above_the_starting_balance_and_a_store_a_daemon_holds()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        Assert.Equal(2, await RiskCommand.SetFloorAsync(Account, 50_000.01m, _config, output, error));
        using (StateStore.Open(Store, TimeProvider.System))
            Assert.Equal(2, await RiskCommand.SetFloorAsync(Account, 48_000m, _config, output, error));

        Assert.Contains("at most the starting balance", error.ToString(), StringComparison.Ordinal);
        Assert.Contains("in use by another process", error.ToString(), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
