using System.Globalization;
using GoldBot.Backtesting.Engine;
using GoldBot.Backtesting.Statistics;
using GoldBot.Market;

namespace GoldBot.Backtesting.Tests.Engine;

/// <summary>
/// The recorder's equity curve: one point per bar, in order, whatever the number of bars it was sized for; and on curves made
/// mostly of repeated bars (a flat account's), where it spares the arithmetic of a bar that repeats the one before it, the
/// same figures as every bar computed in full. Decimals are compared with their scale (as text), since the outputs print them.
/// </summary>
public sealed class ResultRecorderTests
{
    private static readonly DateTimeOffset Open = new(2025, 12, 2, 15, 0, 0, TimeSpan.Zero);
    // The open of the CME trading day of 3 March 2026: minute bars stay inside a day until the test moves to the next one.
    private static readonly DateTimeOffset Start = CmeSession.TradingDayOpen(new DateOnly(2026, 3, 3));
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

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

    [Fact]
    public void Runs_of_repeated_bars_give_the_curve_days_and_drawdown_of_every_bar_computed_in_full()
    {
        var random = new Random(20261207);
        for (var run = 0; run < 200; run++)
        {
            var bars = random.Next(1, 400);
            var (equity, worst) = (new decimal[bars], new decimal[bars]);
            var dayStarts = new bool[bars];
            var opens = new decimal[bars];
            var current = 50_000m;
            for (var i = 0; i < bars; i++)
            {
                // Mostly the same decimal again; sometimes the same value at another scale, or a new value, or a worse price.
                var draw = random.Next(10);
                current = draw < 6 ? current
                    : draw == 6 ? decimal.Round(current, 1) * 1.00m
                    : current + random.Next(-300, 301) + random.Next(100) / 100m;
                equity[i] = current;
                worst[i] = random.Next(4) == 0 ? current - random.Next(0, 50) : current;
                dayStarts[i] = i == 0 || random.Next(12) == 0;
                opens[i] = random.Next(3) == 0 ? current + 1.5m : i == 0 ? 50_000m : equity[i - 1];
            }
            var amended = random.Next(3) == 0 ? equity[^1] - 7.25m : (decimal?)null;

            var recorder = new ResultRecorder(50_000m, recordEquity: true, bars);
            var time = Start;
            for (var i = 0; i < bars; i++)
            {
                // A new CME trading day each time one is asked for: on to the next 17:00 CT.
                if (dayStarts[i] && i > 0)
                    time = CmeSession.TradingDayOpen(CmeSession.TradingDayOf(time).AddDays(1));
                Assert.Equal(dayStarts[i], recorder.StartsDay(time));
                if (dayStarts[i])
                    recorder.StartDay(time, opens[i]);
                recorder.EndBar(time + Minute, equity[i], worst[i], inMarket: i % 3 == 0);
                time += Minute;
            }
            if (amended is { } last)
                recorder.AmendLast(last);
            var result = recorder.Finish(new BacktestRunInfo("MGC", ContractSpec.BuiltIn["MGC"], Minute, Start, time, bars, 50_000m, "test"));

            // Every bar in full, as the recorder did before it spared the repeated ones; then the amendment of the last bar.
            var peak = 50_000m;
            var points = new List<string>();
            var days = new List<string>();
            var (dayStart, dayLow) = (0m, 0m);
            for (var i = 0; i < bars; i++)
            {
                if (dayStarts[i])
                {
                    if (i > 0)
                        days.Add(Text(dayStart, equity[i - 1], dayLow));
                    (dayStart, dayLow) = (opens[i], opens[i]);
                }
                dayLow = Math.Min(dayLow, Math.Min(equity[i], worst[i]));
                peak = Math.Max(peak, equity[i]);
                points.Add(Text(equity[i], peak - equity[i]));
            }
            if (amended is { } a)
            {
                peak = Math.Max(peak, a);
                dayLow = Math.Min(dayLow, a);
                points[^1] = Text(a, peak - a);
                equity[^1] = a;
            }
            days.Add(Text(dayStart, equity[^1], dayLow));

            Assert.Equal(points, result.Equity.Select(p => Text(p.Equity, p.Drawdown)));
            Assert.Equal(days, result.Days.Select(d => Text(d.StartEquity, d.EndEquity, d.LowestEquity)));
            Assert.Equal(Text(EquityDrawdown.Of(equity).MaxUsd), Text(result.BarDrawdown!.Value.MaxUsd));
            Assert.Equal(EquityDrawdown.Of(equity).MaxFraction, result.BarDrawdown!.Value.MaxFraction);
            Assert.Equal((bars + 2) / 3, result.BarsInMarket);
        }
    }

    private static string Text(params decimal[] values) => string.Join(" ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));
}
