namespace GoldBot.Backtesting.Combine;

/// <summary>
/// Monte Carlo estimate of the probability that a Combine reaches its profit target before its maximum
/// loss limit, by resampling the run's per-trade net P&amp;L <b>with replacement</b> (a bootstrap of the trade
/// sequence: each path draws trades independently and uniformly from the run's trades until it passes,
/// fails, or reaches <see cref="MonteCarloOptions.MaxTradesPerPath"/>).
/// <para>Approximations, stated: each trade is treated as one trading day, so the trailing floor is
/// updated from the balance after every trade (<c>floor = min(start, max(floor, highest balance − MLL))</c>,
/// the rule of <see cref="GoldBot.Risk.MaxLossFloor"/>), and a path fails when its closed-trade balance
/// reaches the floor (open-trade drawdown is not resampled, so this is optimistic for trades that went
/// deep against before winning). The daily loss limit, the consistency target and the contract limit are
/// not applied (trade sizes are those of the run). Money is handled in whole cents.</para>
/// </summary>
public static class CombineMonteCarlo
{
    /// <summary>Simulates <paramref name="rules"/> on resampled closed trades of <paramref name="result"/>.</summary>
    /// <exception cref="ArgumentException">The rules or options are invalid.</exception>
    public static MonteCarloResult Run(BacktestResult result, CombineRules rules, MonteCarloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        var pnl = new List<decimal>(result.Trades.Count);
        foreach (var trade in result.Trades)
        {
            if (trade.PnL is { } p)
                pnl.Add(p);
        }
        return Run(pnl, rules, options);
    }

    /// <summary>Simulates <paramref name="rules"/> on paths resampled from <paramref name="tradePnL"/> (net USD per trade).</summary>
    /// <exception cref="ArgumentException">The rules or options are invalid.</exception>
    public static MonteCarloResult Run(IReadOnlyList<decimal> tradePnL, CombineRules rules, MonteCarloOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tradePnL);
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validate();
        options ??= MonteCarloOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Paths, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxTradesPerPath, 1);

        var n = tradePnL.Count;
        var cents = new long[n];
        for (var i = 0; i < n; i++)
            cents[i] = Cents(tradePnL[i]);
        var start = Cents(rules.StartingBalance);
        var target = start + Cents(rules.ProfitTarget);
        var limit = Cents(rules.MaxLossLimit);

        var random = new Random(options.Seed);
        int passed = 0, failed = 0;
        var tradesToPass = new List<int>();
        for (var path = 0; n > 0 && path < options.Paths; path++)
        {
            long balance = start, high = start, floor = start - limit;
            for (var trade = 1; trade <= options.MaxTradesPerPath; trade++)
            {
                balance += cents[random.Next(n)];
                if (balance <= floor)
                {
                    failed++;
                    break;
                }
                if (balance >= target)
                {
                    passed++;
                    tradesToPass.Add(trade);
                    break;
                }
                if (balance > high)
                {
                    high = balance;
                    floor = Math.Min(start, Math.Max(floor, high - limit));
                }
            }
        }

        tradesToPass.Sort();
        return new MonteCarloResult(
            options.Paths,
            passed,
            failed,
            options.Paths - passed - failed,
            Statistics.WilsonScoreInterval.Of(passed, options.Paths),
            tradesToPass.Count > 0 ? tradesToPass[(tradesToPass.Count - 1) / 2] : null,
            options.Seed,
            options.MaxTradesPerPath);
    }

    private static long Cents(decimal usd) => (long)decimal.Round(usd * 100m, MidpointRounding.AwayFromZero);
}
