using GoldBot.Analysis;

namespace GoldBot.Reporting;

/// <summary>Counters for the end-of-run summary, updated by the stages. Thread-safe.</summary>
public sealed class RunStatistics
{
    private readonly object _gate = new();
    private readonly DrawdownTracker _drawdown = new();
    private int _bars;
    private int _signals;
    private int _taken;

    /// <summary>Source bars processed.</summary>
    public int Bars { get { lock (_gate) return _bars; } }

    /// <summary>Signals seen (taken or not).</summary>
    public int Signals { get { lock (_gate) return _signals; } }

    /// <summary>Signals approved and sent for execution.</summary>
    public int SignalsTaken { get { lock (_gate) return _taken; } }

    /// <summary>Maximum drawdown of equity marked at each bar's worst price for the open position, USD.</summary>
    public decimal MaxDrawdown { get { lock (_gate) return _drawdown.MaxDrawdown; } }

    /// <summary>Counts one bar.</summary>
    public void AddBar()
    {
        lock (_gate)
            _bars++;
    }

    /// <summary>Counts one signal.</summary>
    public void AddSignal(bool taken)
    {
        lock (_gate)
        {
            _signals++;
            if (taken)
                _taken++;
        }
    }

    /// <summary>Adds an equity sample (balance plus open P&amp;L at the bar's worst price, USD).</summary>
    public void AddEquity(decimal equity)
    {
        lock (_gate)
            _drawdown.Add(equity);
    }
}
