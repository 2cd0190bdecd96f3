using GoldBot.Market;
using GoldBot.Smc;
using GoldBot.Strategy;

namespace GoldBot.Backtesting.Tests.Engine;

/// <summary>A signal source that signals at chosen bars (0-based, counting every bar it sees), at the bar's close.</summary>
internal sealed class ScriptedSignals(TimeSpan period, params (int Bar, int Direction, int StopTicks)[] script) : ISignalSource
{
    private int _bar;

    public void OnBar(in Bar bar, ICollection<TradeSignal> signals)
    {
        foreach (var (at, direction, stop) in script)
        {
            if (at == _bar)
            {
                var conditions = new MarketConditions("new_york", 0, 0, "09:03", "unknown");
                signals.Add(new TradeSignal(bar.OpenTime + period, "scripted", direction, 8, default(OrderBlockScore), bar.Close, bar.Close, bar.Close,
                    stop, direction, conditions, null));
            }
        }
        _bar++;
    }
}
