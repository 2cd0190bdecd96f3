using GoldBot.Backtesting.Engine;
using GoldBot.Market;

namespace GoldBot.Backtesting.Tests.Engine;

/// <summary>The recorder's equity curve: one point per bar, in order, whatever the number of bars it was sized for.</summary>
public sealed class ResultRecorderTests
{
    private static readonly DateTimeOffset Open = new(2025, 12, 2, 15, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(50)]
    public void Records_every_bar_close_and_the_amended_last_one_whatever_the_bars_it_was_sized_for(int sizedFor)
    {
        var recorder = new ResultRecorder(1_000m, recordEquity: true, sizedFor);
        recorder.StartDay(Open, 1_000m);
        decimal[] equities = [1_000m, 990m, 1_005m, 995m, 1_001m];
        for (var i = 0; i < equities.Length; i++)
            recorder.EndBar(Open.AddMinutes(3 * (i + 1)), equities[i], equities[i] - 2m, inMarket: i % 2 == 0);
        recorder.AmendLast(1_010m);

        var result = recorder.Finish(new BacktestRunInfo("MGC", ContractSpec.BuiltIn["MGC"], TimeSpan.FromMinutes(3), Open, Open.AddMinutes(15), 5, 1_000m, "test"));

        Assert.Equal(
            [
                new EquityPoint(Open.AddMinutes(3), 1_000m, 0m),
                new EquityPoint(Open.AddMinutes(6), 990m, 10m),
                new EquityPoint(Open.AddMinutes(9), 1_005m, 0m),
                new EquityPoint(Open.AddMinutes(12), 995m, 10m),
                new EquityPoint(Open.AddMinutes(15), 1_010m, 0m),
            ],
            result.Equity);
        Assert.Equal(3, result.BarsInMarket);
        Assert.Equal(10m, result.BarDrawdown!.Value.MaxUsd);
    }
}
