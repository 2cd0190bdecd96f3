using GoldBot.Backtesting.Output;
using GoldBot.Execution;
using GoldBot.Market;

namespace GoldBot.Backtesting.Run;

/// <summary>
/// Measures each trade's maximum adverse and favourable excursion (Sweeney, <i>Campaign Trading</i>,
/// 1996) from the bars it was open on: the bars whose open time is at or after the entry fill and
/// before the time it went flat (the simulated broker fills market orders at a bar's open and stops
/// and limits at its close, so these are exactly the bars the position lived through). Excursion =
/// the worst (best) bar extreme against (for) the entry price, in USD on the full entry size
/// (<see cref="ContractSpec.PnL"/>), ≥ 0; partial exits are not netted out, so for a scaled-out trade
/// it is an upper bound.
/// </summary>
public static class TradeExcursions
{
    /// <summary>Excursions by trade id for every closed trade of <paramref name="trades"/>.</summary>
    /// <param name="bars">The bars the trades were run on, in time order (UTC open times).</param>
    /// <exception cref="ArgumentException">A trade's side is neither <c>long</c> nor <c>short</c>.</exception>
    public static IReadOnlyDictionary<string, TradeExcursion> Of(IReadOnlyList<Bar> bars, IEnumerable<TradeRecord> trades, ContractSpec contract)
    {
        ArgumentNullException.ThrowIfNull(bars);
        ArgumentNullException.ThrowIfNull(trades);
        ArgumentNullException.ThrowIfNull(contract);
        var result = new Dictionary<string, TradeExcursion>(StringComparer.Ordinal);
        foreach (var trade in trades)
        {
            if (trade.ExitTime is not { } exit)
                continue;
            var direction = trade.Side.ToLowerInvariant() switch
            {
                "long" => 1,
                "short" => -1,
                _ => throw new ArgumentException($"trade {trade.Id} has side '{trade.Side}', expected long or short", nameof(trades)),
            };
            decimal adverse = 0, favorable = 0;
            for (var i = BarSearch.FirstAtOrAfter(bars, trade.EntryTime); i < bars.Count && bars[i].OpenTime < exit; i++)
            {
                var bar = bars[i];
                var worst = contract.PnL(direction, trade.Entry, direction > 0 ? bar.Low : bar.High, trade.Size);
                var best = contract.PnL(direction, trade.Entry, direction > 0 ? bar.High : bar.Low, trade.Size);
                adverse = Math.Max(adverse, -worst);
                favorable = Math.Max(favorable, best);
            }
            result[trade.Id] = new TradeExcursion(adverse, favorable);
        }
        return result;
    }
}
