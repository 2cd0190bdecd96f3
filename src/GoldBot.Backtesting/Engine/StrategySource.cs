using GoldBot.Strategy;

namespace GoldBot.Backtesting.Engine;

/// <summary>The signal source a backtest trades when none is given: the configured strategy, behind the dollar filter when it is on.</summary>
public static class StrategySource
{
    /// <summary>
    /// A fresh <see cref="OrderBlockStrategy"/> for <paramref name="settings"/> and bars of <paramref name="barPeriod"/>; when
    /// <see cref="DollarFilterOptions.Mode"/> is not <see cref="DollarFilterMode.Off"/>, wrapped in
    /// <see cref="DollarFilteredSignals"/> fed causally with <see cref="BacktestSettings.Intermarket"/> (without them the filter
    /// has no proxy data and lets every signal through, as it does live).
    /// </summary>
    public static ISignalSource Create(BacktestSettings settings, TimeSpan barPeriod)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var strategy = new OrderBlockStrategy(settings.Strategy, settings.Contract, barPeriod);
        if (settings.Strategy.DollarFilter.Mode == DollarFilterMode.Off)
            return strategy;
        var proxy = settings.Intermarket;
        return new DollarFilteredSignals(strategy, new DollarFilter(settings.Strategy.DollarFilter), barPeriod, proxy?.Bars ?? [], proxy?.Period ?? barPeriod);
    }
}
