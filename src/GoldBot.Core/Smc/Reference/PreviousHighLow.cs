namespace GoldBot.Smc.Reference;

/// <summary>
/// <c>smc.previous_high_low(ohlc, time_frame)</c> of <c>smartmoneyconcepts</c> 0.0.27
/// (smc.py#L700-L790; spec shared/research/smc.md §2.6), including its off-by-one quirk B10: a
/// bar gets the period <i>two</i> back when it sits exactly on a left label (e.g. 00:00 for
/// <c>1D</c>), and always for right-labelled <c>W</c>/<c>M</c>.
/// </summary>
public static class PreviousHighLow
{
    /// <summary>
    /// Computes the previous-period levels for pandas time frame <paramref name="timeFrame"/>
    /// (see <see cref="ResampleFrequency"/>: <c>1h</c>, <c>4h</c>, <c>1D</c>, <c>W</c>, …). Bar times
    /// are the series' UTC open times, taken as naive wall time like the library. O(N).
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException">The time frame is not supported, or the times are not sorted.</exception>
    /// <exception cref="InvalidOperationException">The series has no times.</exception>
    public static PreviousHighLowResult Compute(SmcSeries series, string timeFrame = "1D")
    {
        ArgumentNullException.ThrowIfNull(series);
        var frequency = ResampleFrequency.Parse(timeFrame);
        var times = series.RequireTimes("previous_high_low");
        var n = series.Count;
        var high = series.HighArray;
        var low = series.LowArray;

        // smc.py#L720-L726: resample(...).agg(high max, low min).dropna(): one period per label
        // that holds at least one bar. Sorted times give non-decreasing labels.
        var labels = new long[n];
        var periodLabels = new List<long>();
        var periodHighs = new List<double>();
        var periodLows = new List<double>();
        var origin = n > 0 ? times[0].Date : default;
        for (var i = 0; i < n; i++)
        {
            if (i > 0 && times[i] < times[i - 1])
                throw new ArgumentException("previous_high_low needs bar times in ascending order.", nameof(series));
            labels[i] = frequency.Label(times[i], origin);
            if (periodLabels.Count == 0 || periodLabels[^1] != labels[i])
            {
                periodLabels.Add(labels[i]);
                periodHighs.Add(high[i]);
                periodLows.Add(low[i]);
            }
            else
            {
                if (high[i] > periodHighs[^1])
                    periodHighs[^1] = high[i];
                if (low[i] < periodLows[^1])
                    periodLows[^1] = low[i];
            }
        }

        var previousHigh = EmptyColumn.Float32(n);
        var previousLow = EmptyColumn.Float32(n);
        var brokenHigh = new int[n];
        var brokenLow = new int[n];
        // smc.py#L729-L735: fewer than two periods: all NaN, never broken.
        if (periodLabels.Count < 2)
            return new PreviousHighLowResult(previousHigh, previousLow, brokenHigh, brokenLow);

        // smc.py#L744-L761, B10: p = number of period labels strictly before the bar time
        // (searchsorted side='left'); the bar refers to period p − 2. A bar exactly on its own
        // left label does not count its own period, so it gets the period two back; with right
        // labels (W, M) the own label is after the bar, so every bar gets the period two back.
        var p = 0;
        var group = int.MinValue;
        double runningHigh = 0, runningLow = 0;
        for (var i = 0; i < n; i++)
        {
            var t = times[i].Ticks;
            while (p < periodLabels.Count && periodLabels[p] < t)
                p++;
            var reference = p - 2;
            var valid = p >= 2;
            if (valid)
            {
                // §1.4: stored as float32.
                previousHigh[i] = (float)periodHighs[reference];
                previousLow[i] = (float)periodLows[reference];
            }

            // smc.py#L765-L783: running extremes restart whenever the referenced period changes,
            // which happens one bar after a period start. The comparison widens the float32 level.
            if (reference != group)
            {
                group = reference;
                runningHigh = high[i];
                runningLow = low[i];
            }
            else
            {
                if (high[i] > runningHigh)
                    runningHigh = high[i];
                if (low[i] < runningLow)
                    runningLow = low[i];
            }
            brokenHigh[i] = valid && runningHigh > previousHigh[i] ? 1 : 0;
            brokenLow[i] = valid && runningLow < previousLow[i] ? 1 : 0;
        }
        return new PreviousHighLowResult(previousHigh, previousLow, brokenHigh, brokenLow);
    }
}
