using GoldBot.Backtesting.Engine;
using GoldBot.Backtesting.Run;
using GoldBot.Market;
using GoldBot.MarketData;
using GoldBot.Strategy;

namespace GoldBot.Tests.Backtesting;

/// <summary>
/// The dollar filter on the real files of ../shared/data: hourly spot gold (XAUUSD, broker server time) against the DXY
/// 30-minute bars (UTC, zero-volume filler dropped), over a year of their overlap, through the backtest's signal source.
/// </summary>
public sealed class DollarFilterBacktestTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly DateTimeOffset From = new(2023, 6, 19, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset To = new(2024, 6, 19, 0, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<(List<Bar> Gold, BarFile Dxy)> Data = new(() =>
    {
        var gold = BarCsvReader.Read(SharedData.Path("data/xauusd_1h_mt5_2018-03-19_2026-05-15_servertime.csv.gz"),
            options: new BarFileOptions { SourceTimeZone = BarTimeZone.NewYorkClose });
        var dxy = BarCsvReader.Read(SharedData.Path("data/dxy_30m_dukascopy_2023-06-17_2025-06-16_utc.csv.gz"),
            options: new BarFileOptions { RoundFractionalVolume = true, DropZeroVolume = true });
        return (gold.Bars.Where(b => b.OpenTime >= From && b.OpenTime < To).ToList(), dxy);
    });

    private static BacktestSettings Settings(IReadOnlyList<Bar> proxy) => new()
    {
        Contract = SpotContracts.BuiltIn["XAUUSD"],
        Strategy = new StrategyOptions
        {
            EntryTimeFrame = "1h",
            TrendTimeFrame = "4h",
            Patterns = [.. StrategyOptions.TradeablePatterns],
            DollarFilter = new DollarFilterOptions { Mode = DollarFilterMode.Block },
        },
        Intermarket = new IntermarketBars("dxy", proxy, TimeSpan.FromMinutes(30)),
    };

    private static (List<TradeSignal> Signals, List<DollarFilterState> States) Run(IReadOnlyList<Bar> proxy)
    {
        var source = (DollarFilteredSignals)StrategySource.Create(Settings(proxy), Hour);
        var signals = new List<TradeSignal>();
        var states = new List<DollarFilterState>();
        foreach (var bar in Data.Value.Gold)
        {
            source.OnBar(bar, signals);
            states.Add(source.Filter.StateAt(bar.OpenTime + Hour));
        }
        return (signals, states);
    }

    [Fact]
    public void Gold_and_the_dollar_index_move_inversely_and_the_filter_blocks_some_signals()
    {
        var (signals, states) = Run(Data.Value.Dxy.Bars);

        var ready = states.Where(s => s.Status == DollarFilterStatus.Ready).ToList();
        Assert.True(ready.Count > states.Count / 2, $"{ready.Count} of {states.Count} gold bars with the filter ready");
        var median = ready.Select(s => s.Correlation!.Value).Order().ElementAt(ready.Count / 2);
        Assert.InRange(median, -0.7, -0.2); // the data README measures about −0.45 over the whole overlap
        Assert.Contains(states, s => s.Status == DollarFilterStatus.Stale); // DXY has holes of hours and days
        var blocked = signals.Count(s => s.Rejection?.StartsWith("dollar filter:", StringComparison.Ordinal) == true);
        var tradable = signals.Count(s => s.Rejection is null);
        Assert.True(blocked > 0 && tradable > 0, $"{blocked} blocked, {tradable} tradable");
        Assert.All(signals.Where(s => s.Rejection?.StartsWith("dollar filter: dollar up", StringComparison.Ordinal) == true), s => Assert.Equal(1, s.Direction));
        Assert.All(signals.Where(s => s.Rejection?.StartsWith("dollar filter: dollar down", StringComparison.Ordinal) == true), s => Assert.Equal(-1, s.Direction));
    }

    [Fact]
    public void Dollar_bars_after_time_t_change_no_signal_or_verdict_before_t()
    {
        var dxy = Data.Value.Dxy.Bars;
        var (full, fullStates) = Run(dxy);
        var gold = Data.Value.Gold;
        foreach (var cut in new[] { gold.Count / 3, 2 * gold.Count / 3 })
        {
            var t = gold[cut].OpenTime + Hour;
            // The future rewritten (the index mirrored around 105) and then cut off: neither may reach back before t.
            var mirrored = dxy.Select(b => b.OpenTime + TimeSpan.FromMinutes(30) <= t ? b
                : b with { Open = 210 - b.Open, High = 210 - b.Low, Low = 210 - b.High, Close = 210 - b.Close }).ToList();
            var truncated = dxy.Where(b => b.OpenTime + TimeSpan.FromMinutes(30) <= t).ToList();
            foreach (var proxy in new[] { mirrored, truncated })
            {
                var (signals, states) = Run(proxy);
                Assert.Equal(full.Where(s => s.Time <= t), signals.Where(s => s.Time <= t));
                Assert.Equal(fullStates.Take(cut + 1), states.Take(cut + 1));
                Assert.NotEqual(fullStates.Skip(cut + 1), states.Skip(cut + 1));
            }
        }
    }
}
