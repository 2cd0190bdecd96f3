using GoldBot.Execution;
using GoldBot.Strategy;

namespace GoldBot.Learning;

/// <summary>One closed trade as the learning system keeps it.</summary>
/// <param name="Time">Exit time, UTC.</param>
/// <param name="Pattern">Pattern traded.</param>
/// <param name="Conditions">Its conditions as <c>name:value</c> cells (<see cref="LearningBook.CellsOf"/>).</param>
/// <param name="R">Result in R multiples (net P&amp;L ÷ planned risk).</param>
/// <param name="PnL">Net P&amp;L, USD.</param>
public sealed record LearnedTrade(DateTimeOffset Time, string Pattern, IReadOnlyList<string> Conditions, double R, decimal PnL);

/// <summary>
/// The learning system's memory (issue 13 §1): every closed trade in order with its pattern, conditions and result in R and
/// USD, and estimates per pattern and per pattern under one condition. Only closed trades enter it, so nothing it says uses
/// the future. Not thread-safe (the risk stage owns it).
/// </summary>
public sealed class LearningBook
{
    private readonly List<LearnedTrade> _trades = [];
    private readonly Dictionary<string, List<double>> _results = new(StringComparer.Ordinal);
    private double _sum;

    /// <summary>Closed trades in the order they closed.</summary>
    public IReadOnlyList<LearnedTrade> Trades => _trades;

    /// <summary>Mean R of every trade (0 with none): what small cells are shrunk toward.</summary>
    public double PooledMean => _trades.Count == 0 ? 0 : _sum / _trades.Count;

    /// <summary>
    /// The cells of a trade: <c>session:new_york</c>, <c>regime:ranging</c>, <c>zone:discount</c>, <c>score:7-8</c> (1-6, 7-8, 9-10),
    /// <c>weekday:tuesday</c>, <c>volatility:high</c> (ATR percentile below 1/3 low, from 2/3 high), <c>entry:market</c>,
    /// <c>exit:fixed_r</c>, <c>news:within_1h</c> (the next blackout within an hour, a day, later, or <c>none_ahead</c>) and
    /// <c>dollar:against_dollar</c> (the dollar filter's state).
    /// </summary>
    public static IReadOnlyList<string> CellsOf(int patternScore, MarketConditions c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var score = patternScore >= 9 ? "9-10" : patternScore >= 7 ? "7-8" : "1-6";
        var volatility = c.AtrPercentile >= 2.0 / 3 ? "high" : c.AtrPercentile >= 1.0 / 3 ? "mid" : "low";
        var news = c.MinutesToNews is not { } minutes ? "none_ahead" : minutes < 60 ? "within_1h" : minutes < 24 * 60 ? "within_1d" : "later";
        return [$"session:{c.Session}", $"regime:{c.Regime}", $"zone:{c.PriceZone}", $"score:{score}", $"weekday:{(c.Weekday.Length == 0 ? "unknown" : c.Weekday)}",
            $"volatility:{volatility}", $"entry:{c.EntryMode}", $"exit:{c.ExitProfile}", $"news:{news}", $"dollar:{c.DollarFilter}"];
    }

    /// <summary>Records a closed trade; returns it, or null for one without a result in R (an adopted position, a zero risk).</summary>
    public LearnedTrade? Record(TradeRecord trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        if (trade.RMultiple is not { } r || trade.PnL is not { } pnl || trade.ExitTime is not { } time)
            return null;
        var learned = new LearnedTrade(time, trade.Pattern, CellsOf(trade.PatternScore, trade.Conditions), (double)r, pnl);
        _trades.Add(learned);
        _sum += learned.R;
        Add(learned.Pattern, learned.R);
        foreach (var cell in learned.Conditions)
            Add(Subject(learned.Pattern, cell), learned.R);
        return learned;
    }

    /// <summary>The subject of a pattern under a condition cell: <c>order_block|regime:ranging</c>.</summary>
    public static string Subject(string pattern, string cell) => $"{pattern}|{cell}";

    /// <summary>Results in R of <paramref name="subject"/> (a pattern, or <see cref="Subject"/>), in order; empty when none.</summary>
    public IReadOnlyList<double> ResultsOf(string subject) => _results.TryGetValue(subject, out var list) ? list : [];

    /// <summary>Estimate for <paramref name="subject"/>, shrunk toward the pooled mean with weight <paramref name="shrinkage"/> trades.</summary>
    public ExpectancyEstimate Estimate(string subject, int shrinkage) => ExpectancyEstimate.Of(ResultsOf(subject), PooledMean, shrinkage);

    /// <summary>Every subject recorded: patterns first, then pattern cells, each in ordinal order.</summary>
    public IEnumerable<string> Subjects =>
        _results.Keys.Where(k => !k.Contains('|', StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Concat(_results.Keys.Where(k => k.Contains('|', StringComparison.Ordinal)).Order(StringComparer.Ordinal));

    private void Add(string key, double r)
    {
        if (!_results.TryGetValue(key, out var list))
            _results[key] = list = [];
        list.Add(r);
    }
}
