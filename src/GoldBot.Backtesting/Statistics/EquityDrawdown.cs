namespace GoldBot.Backtesting.Statistics;

/// <summary>
/// Maximum drawdown of an equity curve (Magdon-Ismail &amp; Atiya, "Maximum drawdown", Risk 2004): the
/// largest fall from the running peak to a later point, in USD, and the largest such fall relative to
/// its running peak, (peak − equity) ÷ peak, as a fraction. The two maxima can occur at different
/// points of the curve.
/// </summary>
/// <param name="MaxUsd">Largest peak-to-later-point fall, USD (≥ 0).</param>
/// <param name="MaxFraction">Largest fall relative to the running peak, fraction 0–1 (≥ 0).</param>
public readonly record struct EquityDrawdown(decimal MaxUsd, double MaxFraction)
{
    /// <summary>The drawdowns of a curve given in time order, USD; zero for an empty curve.</summary>
    public static EquityDrawdown Of(IEnumerable<decimal> equity)
    {
        ArgumentNullException.ThrowIfNull(equity);
        var running = new Running();
        foreach (var e in equity)
            running.Add(e);
        return running.Drawdown;
    }

    /// <summary>
    /// The drawdowns of a curve fed one point at a time, in time order, for a curve that is not kept:
    /// after the same points, <see cref="Drawdown"/> equals <see cref="Of"/> exactly. A default value has seen no point.
    /// </summary>
    public struct Running
    {
        private bool _started;
        private decimal _peak, _maxUsd, _deepestSincePeak;
        private double _maxFraction;

        /// <summary>The drawdowns of the points added so far (zero before the first).</summary>
        public readonly EquityDrawdown Drawdown => new(_maxUsd, _maxFraction);

        /// <summary>Adds the next point of the curve, USD.</summary>
        public void Add(decimal equity)
        {
            if (!_started || equity > _peak)
            {
                _peak = equity;
                _deepestSincePeak = 0;
                _started = true;
            }
            var fall = _peak - equity;
            _maxUsd = Math.Max(_maxUsd, fall);
            // Under one peak the fraction grows with the fall, so only a fall deeper than any since the peak can raise it:
            // the decimal division (most of the time on a 1,000,000-point curve) is done for those falls only.
            if (_peak > 0 && fall > _deepestSincePeak)
            {
                _deepestSincePeak = fall;
                _maxFraction = Math.Max(_maxFraction, (double)(fall / _peak));
            }
        }
    }
}
