using GoldBot.Execution;

namespace GoldBot.Learning;

/// <summary>Results of one pattern, or of one pattern under one condition.</summary>
/// <param name="Trades">Closed trades.</param>
/// <param name="Wins">Trades with net P&amp;L &gt; 0.</param>
/// <param name="NetPnL">Sum of net P&amp;L, USD (<c>net_pnl</c> in status.json).</param>
public sealed record PatternStats(int Trades, int Wins, [property: System.Text.Json.Serialization.JsonPropertyName("net_pnl")] decimal NetPnL)
{
    /// <summary>Wins ÷ trades (0 with no trades).</summary>
    public double WinRate => Trades == 0 ? 0 : (double)Wins / Trades;
}

/// <summary>
/// The learning system's memory: how each pattern performs overall and under each recorded
/// condition (session, price zone), and the win rate of the last 20 trades, as the monitoring
/// plan's <c>learning</c> block shows it (<c>design/001</c> §3). It observes and reports; it does
/// not yet change what is traded or how large (that adaptation is a later step of the plan).
/// Thread-safe.
/// </summary>
public sealed class PatternPerformance
{
    private const int Window = 20;
    private readonly object _gate = new();
    private readonly Dictionary<string, PatternStats> _byPattern = [];
    private readonly Dictionary<string, PatternStats> _byCondition = [];
    private readonly Queue<bool> _recent = new();

    /// <summary>Creates the tracker with the patterns the strategy starts with.</summary>
    public PatternPerformance(IEnumerable<string> enabledPatterns) => EnabledPatterns = [.. enabledPatterns];

    /// <summary>Patterns currently allowed to trade.</summary>
    public IReadOnlyList<string> EnabledPatterns { get; }

    /// <summary>Closed trades recorded.</summary>
    public int TotalTrades { get { lock (_gate) return _byPattern.Values.Sum(s => s.Trades); } }

    /// <summary>Win rate of the last 20 closed trades (fewer at the start; 0 with none).</summary>
    public double WinRateLast20 { get { lock (_gate) return _recent.Count == 0 ? 0 : (double)_recent.Count(w => w) / _recent.Count; } }

    /// <summary>Records a closed trade.</summary>
    /// <exception cref="ArgumentException">The trade is still open.</exception>
    public void Record(TradeRecord trade)
    {
        ArgumentNullException.ThrowIfNull(trade);
        if (trade.PnL is not { } pnl)
            throw new ArgumentException("only closed trades can be recorded", nameof(trade));
        var win = pnl > 0;
        lock (_gate)
        {
            Add(_byPattern, trade.Pattern, win, pnl);
            Add(_byCondition, $"{trade.Pattern}|session:{trade.Conditions.Session}", win, pnl);
            Add(_byCondition, $"{trade.Pattern}|zone:{trade.Conditions.PriceZone}", win, pnl);
            _recent.Enqueue(win);
            if (_recent.Count > Window)
                _recent.Dequeue();
        }
    }

    /// <summary>Per-pattern statistics.</summary>
    public IReadOnlyDictionary<string, PatternStats> ByPattern { get { lock (_gate) return new Dictionary<string, PatternStats>(_byPattern); } }

    /// <summary>Statistics keyed <c>pattern|condition:value</c>.</summary>
    public IReadOnlyDictionary<string, PatternStats> ByCondition { get { lock (_gate) return new Dictionary<string, PatternStats>(_byCondition); } }

    private static void Add(Dictionary<string, PatternStats> stats, string key, bool win, decimal pnl)
    {
        var s = stats.GetValueOrDefault(key) ?? new PatternStats(0, 0, 0);
        stats[key] = new PatternStats(s.Trades + 1, s.Wins + (win ? 1 : 0), s.NetPnL + pnl);
    }
}
