using GoldBot.Execution;

namespace GoldBot.Backtesting.Statistics;

/// <summary>Accumulates closed trades, in order, into <see cref="TradeTotals"/>. Open trades are ignored.</summary>
internal sealed class TradeTally
{
    private int _trades, _wins, _losses, _withR, _winStreak, _lossStreak, _maxWinStreak, _maxLossStreak;
    private decimal _grossProfit, _grossLoss, _commission, _sumR;
    private decimal? _largestWin, _largestLoss;

    public void Add(TradeRecord trade)
    {
        if (trade.PnL is not { } pnl)
            return;
        _trades++;
        _commission += trade.Commission;
        if (trade.RMultiple is { } r)
        {
            _withR++;
            _sumR += r;
        }
        if (pnl > 0)
        {
            _wins++;
            _grossProfit += pnl;
            _largestWin = _largestWin is { } w ? Math.Max(w, pnl) : pnl;
            _winStreak++;
            _lossStreak = 0;
        }
        else if (pnl < 0)
        {
            _losses++;
            _grossLoss += pnl;
            _largestLoss = _largestLoss is { } l ? Math.Min(l, pnl) : pnl;
            _lossStreak++;
            _winStreak = 0;
        }
        else
        {
            _winStreak = 0;
            _lossStreak = 0;
        }
        _maxWinStreak = Math.Max(_maxWinStreak, _winStreak);
        _maxLossStreak = Math.Max(_maxLossStreak, _lossStreak);
    }

    public TradeTotals ToTotals() => new(
        _trades, _wins, _losses, _grossProfit, _grossLoss, _commission, _withR, _sumR,
        _largestWin, _largestLoss, _maxWinStreak, _maxLossStreak);

    public static TradeTotals Of(IEnumerable<TradeRecord> trades)
    {
        var tally = new TradeTally();
        foreach (var trade in trades)
            tally.Add(trade);
        return tally.ToTotals();
    }
}
