using GoldBot.Backtesting.Run;
using GoldBot.Backtesting.Tests.Statistics;
using GoldBot.Market;

namespace GoldBot.Backtesting.Tests.Run;

public sealed class TradeExcursionsTests
{
    private static readonly DateTimeOffset T0 = HandMadeResults.Utc(12, 1, 15, 0);

    private static Bar At(int minutes, decimal open, decimal high, decimal low, decimal close) => new(T0.AddMinutes(minutes), open, high, low, close, 100);

    // Five 3-minute bars; the trade (entry 2650.0, 2 contracts) lives on bars 1–3 (entry at bar 1's open, flat at bar 3's close).
    private static readonly Bar[] Bars =
    [
        At(0, 2649.0m, 2660.0m, 2600.0m, 2650.0m), // before the entry: ignored
        At(3, 2650.0m, 2652.0m, 2647.5m, 2651.0m),
        At(6, 2651.0m, 2655.0m, 2648.0m, 2654.0m),
        At(9, 2654.0m, 2656.5m, 2649.0m, 2656.0m),
        At(12, 2656.0m, 2700.0m, 2500.0m, 2656.0m), // after the exit: ignored
    ];

    [Fact]
    public void A_long_measures_the_lowest_low_and_highest_high_of_the_bars_it_was_open_on()
    {
        var trade = HandMadeResults.Trade("t1", T0.AddMinutes(3), 100m, size: 2, holdMinutes: 9);

        var excursion = TradeExcursions.Of(Bars, [trade], HandMadeResults.Mgc)["t1"];

        // Adverse: 2650.0 − 2647.5 = 2.5 points × 2 contracts × USD 10 = 50; favourable: 2656.5 − 2650.0 = 6.5 × 2 × 10 = 130.
        Assert.Equal(50.0m, excursion.AdverseUsd);
        Assert.Equal(130.0m, excursion.FavorableUsd);
    }

    [Fact]
    public void A_short_measures_the_highs_against_it_and_the_lows_for_it()
    {
        var trade = HandMadeResults.Trade("s1", T0.AddMinutes(3), 100m, size: 1, holdMinutes: 9) with { Side = "short" };

        var excursion = TradeExcursions.Of(Bars, [trade], HandMadeResults.Mgc)["s1"];

        Assert.Equal(65.0m, excursion.AdverseUsd);
        Assert.Equal(25.0m, excursion.FavorableUsd);
    }

    [Fact]
    public void An_open_trade_has_no_excursion_and_a_bad_side_is_refused()
    {
        var open = HandMadeResults.Trade("o1", T0.AddMinutes(3), 0m) with { ExitTime = null };
        var sideways = HandMadeResults.Trade("x1", T0.AddMinutes(3), 0m) with { Side = "flat" };

        Assert.Empty(TradeExcursions.Of(Bars, [open], HandMadeResults.Mgc));
        Assert.Throws<ArgumentException>(() => TradeExcursions.Of(Bars, [sideways], HandMadeResults.Mgc));
    }
}
