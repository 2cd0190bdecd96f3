using GoldBot.Backtesting.Report;
using GoldBot.Execution;
using GoldBot.Strategy;

namespace GoldBot.Backtesting.Tests.Report;

/// <summary>Trades and equity points become report markers and curves.</summary>
public sealed class BacktestChartTests
{
    private static readonly DateTimeOffset T0 = new(2025, 12, 2, 14, 30, 0, TimeSpan.Zero);

    private static TradeRecord Trade(string side, params TradeExit[] exits) => new(
        "t1", T0, "ob", 7, side, 4101.3m, 4101.2m, 4098.0m, 4110.0m, 2, 70m,
        new MarketConditions("ny", 10, 1, "am", "discount"), exits.Length > 0 ? exits[^1].Time : null, exits, 0m, 0m, null, 50_000m);

    [Fact]
    public void A_long_trade_is_a_buy_entry_and_sell_exits()
    {
        var markers = BacktestChart.Markers([Trade("long", new TradeExit(T0.AddMinutes(9), 4105.0m, 1, "tp1"), new TradeExit(T0.AddMinutes(15), 4101.3m, 1, "breakeven_stop"))]);

        Assert.Equal(
        [
            new ReportMarker(T0, 4101.3m, ReportMarkerKind.Entry, OrderSide.Buy, "L 2 @ 4101.3"),
            new ReportMarker(T0.AddMinutes(9), 4105.0m, ReportMarkerKind.Exit, OrderSide.Sell, "tp1 1 @ 4105.0"),
            new ReportMarker(T0.AddMinutes(15), 4101.3m, ReportMarkerKind.Exit, OrderSide.Sell, "breakeven_stop 1 @ 4101.3"),
        ], markers);
    }

    [Fact]
    public void A_short_trade_is_a_sell_entry_and_an_unknown_side_is_refused()
    {
        var markers = BacktestChart.Markers([Trade("short", new TradeExit(T0.AddMinutes(3), 4098.0m, 2, "stop"))]);

        Assert.Equal([OrderSide.Sell, OrderSide.Buy], markers.Select(m => m.Side));
        Assert.Equal("S 2 @ 4101.3", markers[0].Text);
        Assert.Equal("trade t1 has side 'flat', expected long or short (Parameter 'trades')", Assert.Throws<ArgumentException>(() => BacktestChart.Markers([Trade("flat")])).Message);
    }

    [Fact]
    public void Equity_points_give_the_equity_and_drawdown_curves()
    {
        EquityPoint[] curve = [new(T0, 50_000m, 0m), new(T0.AddMinutes(3), 49_900m, 100m)];

        Assert.Equal([new ReportPoint(T0, 50_000m), new ReportPoint(T0.AddMinutes(3), 49_900m)], BacktestChart.Equity(curve));
        Assert.Equal([new ReportPoint(T0, 0m), new ReportPoint(T0.AddMinutes(3), 100m)], BacktestChart.Drawdown(curve));
    }
}
