using GoldBot.Smc.Reference;

namespace GoldBot.Tests.Smc.Reference;

/// <summary>
/// Line-by-line transliterations of smc.py (smartmoneyconcepts 0.0.27) with the library's
/// quadratic loops, used as oracles for the fast reference port on random data. Output arrays use
/// the library's final dtypes (NaN = empty).
/// </summary>
internal static class LiteralSmc
{
    public static (double[] HighLow, double[] Level) Swings(SmcSeries s, int swingLength)
    {
        var n = s.Count;
        var high = s.High.ToArray();
        var low = s.Low.ToArray();
        var hl = new double[n];
        for (var i = 0; i < n; i++)
        {
            hl[i] = double.NaN;
            // shift(-L).rolling(2L): needs shifted rows i-2L+1 .. i, all existing.
            if (i - (2 * swingLength) + 1 < 0 || i + swingLength > n - 1)
                continue;
            double max = double.MinValue, min = double.MaxValue;
            for (var j = i - swingLength + 1; j <= i + swingLength; j++)
            {
                max = Math.Max(max, high[j]);
                min = Math.Min(min, low[j]);
            }
            if (high[i] == max)
                hl[i] = 1;
            else if (low[i] == min)
                hl[i] = -1;
        }
        while (true)
        {
            var positions = Enumerable.Range(0, n).Where(i => !double.IsNaN(hl[i])).ToArray();
            if (positions.Length < 2)
                break;
            var remove = new bool[positions.Length];
            for (var k = 0; k + 1 < positions.Length; k++)
            {
                int a = positions[k], b = positions[k + 1];
                if (hl[a] == 1 && hl[b] == 1)
                {
                    if (high[a] < high[b]) remove[k] = true;
                    if (high[a] >= high[b]) remove[k + 1] = true;
                }
                if (hl[a] == -1 && hl[b] == -1)
                {
                    if (low[a] > low[b]) remove[k] = true;
                    if (low[a] <= low[b]) remove[k + 1] = true;
                }
            }
            if (!remove.Any(r => r))
                break;
            for (var k = 0; k < positions.Length; k++)
            {
                if (remove[k])
                    hl[positions[k]] = double.NaN;
            }
        }
        var kept = Enumerable.Range(0, n).Where(i => !double.IsNaN(hl[i])).ToArray();
        if (kept.Length > 0)
        {
            if (hl[kept[0]] == 1) hl[0] = -1;
            if (hl[kept[0]] == -1) hl[0] = 1;
            if (hl[kept[^1]] == -1) hl[n - 1] = 1;
            if (hl[kept[^1]] == 1) hl[n - 1] = -1;
        }
        var level = new double[n];
        for (var i = 0; i < n; i++)
            level[i] = double.IsNaN(hl[i]) ? double.NaN : hl[i] == 1 ? high[i] : low[i];
        return (hl, level);
    }

    public static (double[] Bos, double[] Choch, float[] Level, double[] Broken) BosChoch(SmcSeries s, SwingHighsLowsResult swings, bool closeBreak)
    {
        var n = s.Count;
        var hlIn = swings.HighLow;
        var lvIn = swings.Level;
        var bos = new int[n];
        var choch = new int[n];
        var level = new float[n];
        var levels = new List<double>();
        var types = new List<double>();
        var last = new List<int>();
        for (var i = 0; i < n; i++)
        {
            if (double.IsNaN(hlIn[i]))
                continue;
            levels.Add(lvIn[i]);
            types.Add(hlIn[i]);
            if (levels.Count >= 4)
            {
                var p = last[^2];
                double l4 = levels[^4], l3 = levels[^3], l2 = levels[^2], l1 = levels[^1];
                var bull = types[^4] == -1 && types[^3] == 1 && types[^2] == -1 && types[^1] == 1;
                var bear = types[^4] == 1 && types[^3] == -1 && types[^2] == 1 && types[^1] == -1;
                bos[p] = bull && l4 < l2 && l2 < l3 && l3 < l1 ? 1 : 0;
                level[p] = bos[p] != 0 ? (float)l3 : 0;
                bos[p] = bear && l4 > l2 && l2 > l3 && l3 > l1 ? -1 : bos[p];
                level[p] = bos[p] != 0 ? (float)l3 : 0;
                choch[p] = bull && l1 > l3 && l3 > l4 && l4 > l2 ? 1 : 0;
                level[p] = choch[p] != 0 ? (float)l3 : level[p];
                choch[p] = bear && l1 < l3 && l3 < l4 && l4 < l2 ? -1 : choch[p];
                level[p] = choch[p] != 0 ? (float)l3 : level[p];
            }
            last.Add(i);
        }
        var broken = new int[n];
        var close = s.Close;
        var high = s.High;
        var low = s.Low;
        foreach (var i in Enumerable.Range(0, n).Where(i => bos[i] != 0 || choch[i] != 0).ToArray())
        {
            var j = -1;
            for (var k = i + 2; k < n && j < 0; k++)
            {
                if (bos[i] == 1 || choch[i] == 1)
                {
                    if ((closeBreak ? close[k] : high[k]) > level[i]) j = k;
                }
                else if ((closeBreak ? close[k] : low[k]) < level[i])
                {
                    j = k;
                }
            }
            if (j < 0)
                continue;
            broken[i] = j;
            foreach (var k in Enumerable.Range(0, n).Where(k => bos[k] != 0 || choch[k] != 0).ToArray())
            {
                if (k < i && broken[k] >= j)
                {
                    bos[k] = 0;
                    choch[k] = 0;
                    level[k] = 0;
                }
            }
        }
        for (var i = 0; i < n; i++)
        {
            if ((bos[i] != 0 || choch[i] != 0) && broken[i] == 0)
            {
                bos[i] = 0;
                choch[i] = 0;
                level[i] = 0;
            }
        }
        return (
            bos.Select(v => v != 0 ? v : double.NaN).ToArray(),
            choch.Select(v => v != 0 ? v : double.NaN).ToArray(),
            level.Select(v => v != 0 ? v : float.NaN).ToArray(),
            broken.Select(v => v != 0 ? v : double.NaN).ToArray());
    }

    public static double[] FvgMitigation(SmcSeries s, FairValueGapsResult gaps)
    {
        var n = s.Count;
        var result = new double[n];
        for (var i = 0; i < n; i++)
        {
            result[i] = double.NaN;
            if (double.IsNaN(gaps.Fvg[i]))
                continue;
            result[i] = 0;
            for (var j = i + 2; j < n; j++)
            {
                if (gaps.Fvg[i] == 1 ? s.Low[j] <= gaps.Top[i] : s.High[j] >= gaps.Bottom[i])
                {
                    result[i] = j;
                    break;
                }
            }
        }
        return result;
    }

    public static (float[] Liquidity, float[] Level, float[] End, float[] Swept) Liquidity(SmcSeries s, SwingHighsLowsResult swings, double rangePercent)
    {
        var n = s.Count;
        var pip = (s.High.ToArray().Max() - s.Low.ToArray().Min()) * rangePercent;
        var hl = swings.HighLow.ToArray();
        var lv = swings.Level.ToArray();
        var liq = Enumerable.Repeat(float.NaN, n).ToArray();
        var level = Enumerable.Repeat(float.NaN, n).ToArray();
        var end = Enumerable.Repeat(float.NaN, n).ToArray();
        var swept = Enumerable.Repeat(float.NaN, n).ToArray();
        foreach (var type in new[] { 1, -1 })
        {
            var indices = Enumerable.Range(0, n).Where(i => hl[i] == type).ToArray();
            foreach (var i in indices)
            {
                if (hl[i] != type)
                    continue;
                double lo = lv[i] - pip, hi = lv[i] + pip;
                var group = new List<double> { lv[i] };
                var groupEnd = i;
                var sweptAt = 0;
                for (var j = i + 1; j < n; j++)
                {
                    if (type == 1 ? s.High[j] >= hi : s.Low[j] <= lo)
                    {
                        sweptAt = j;
                        break;
                    }
                }
                foreach (var j in indices)
                {
                    if (j <= i)
                        continue;
                    if (sweptAt != 0 && j >= sweptAt)
                        break;
                    if (hl[j] == type && lo <= lv[j] && lv[j] <= hi)
                    {
                        group.Add(lv[j]);
                        groupEnd = j;
                        hl[j] = 0;
                    }
                }
                if (group.Count > 1)
                {
                    var sum = 0.0;
                    foreach (var g in group)
                        sum += g;
                    liq[i] = type;
                    level[i] = (float)(sum / group.Count);
                    end[i] = groupEnd;
                    swept[i] = sweptAt;
                }
            }
        }
        return (liq, level, end, swept);
    }

    public static (double[] Ob, float[] Top, float[] Bottom, float[] Volume, double[] Mitigated, float[] Percentage) OrderBlocks(SmcSeries s, SwingHighsLowsResult swings, bool closeMitigation)
    {
        var n = s.Count;
        var open = s.Open.ToArray();
        var high = s.High.ToArray();
        var low = s.Low.ToArray();
        var close = s.Close.ToArray();
        var volume = s.Volume.ToArray();
        var hl = swings.HighLow.ToArray();
        var crossed = new bool[n];
        var ob = new int[n];
        var top = new float[n];
        var bottom = new float[n];
        var obVolume = new float[n];
        var lowVolume = new float[n];
        var highVolume = new float[n];
        var percentage = new float[n];
        var mitigated = new int[n];
        var breaker = new bool[n];
        foreach (var type in new[] { 1, -1 })
        {
            var swingIdx = Enumerable.Range(0, n).Where(i => hl[i] == type).ToArray();
            var active = new List<int>();
            for (var i = 0; i < n; i++)
            {
                foreach (var idx in active.ToArray())
                {
                    if (breaker[idx])
                    {
                        if (type == 1 ? high[i] > top[idx] : low[i] < bottom[idx])
                        {
                            ob[idx] = 0;
                            top[idx] = bottom[idx] = obVolume[idx] = lowVolume[idx] = highVolume[idx] = percentage[idx] = 0;
                            mitigated[idx] = 0;
                            active.Remove(idx);
                        }
                    }
                    else if (type == 1
                        ? (!closeMitigation && low[i] < bottom[idx]) || (closeMitigation && Math.Min(open[i], close[i]) < bottom[idx])
                        : (!closeMitigation && high[i] > top[idx]) || (closeMitigation && Math.Max(open[i], close[i]) > top[idx]))
                    {
                        breaker[idx] = true;
                        mitigated[idx] = type == 1 ? i - 1 : i;
                    }
                }
                var pos = swingIdx.Count(x => x < i);
                if (pos == 0)
                    continue;
                var last = swingIdx[pos - 1];
                if (!(type == 1 ? close[i] > high[last] : close[i] < low[last]) || crossed[last])
                    continue;
                crossed[last] = true;
                var obIndex = i - 1;
                double obTop = type == 1 ? low[obIndex] : high[obIndex];
                double obBtm = type == 1 ? high[obIndex] : low[obIndex];
                if (i - last > 1)
                {
                    var seg = Enumerable.Range(last + 1, i - last - 1).ToArray();
                    var extreme = type == 1 ? seg.Min(j => low[j]) : seg.Max(j => high[j]);
                    obIndex = seg.Last(j => (type == 1 ? low[j] : high[j]) == extreme);
                    obTop = high[obIndex];
                    obBtm = low[obIndex];
                }
                ob[obIndex] = type;
                top[obIndex] = (float)obTop;
                bottom[obIndex] = (float)obBtm;
                var vc = volume[i];
                var v1 = i >= 1 ? volume[i - 1] : 0.0;
                var v2 = i >= 2 ? volume[i - 2] : 0.0;
                obVolume[obIndex] = (float)(vc + v1 + v2);
                lowVolume[obIndex] = (float)(type == 1 ? v2 : vc + v1);
                highVolume[obIndex] = (float)(type == 1 ? vc + v1 : v2);
                var max = Math.Max(highVolume[obIndex], lowVolume[obIndex]);
                percentage[obIndex] = max != 0 ? (float)(Math.Min(highVolume[obIndex], lowVolume[obIndex]) / max * 100.0f) : 100f;
                active.Add(obIndex);
            }
        }
        return (
            ob.Select(v => v != 0 ? v : double.NaN).ToArray(),
            top.Select((v, i) => ob[i] != 0 ? v : float.NaN).ToArray(),
            bottom.Select((v, i) => ob[i] != 0 ? v : float.NaN).ToArray(),
            obVolume.Select((v, i) => ob[i] != 0 ? v : float.NaN).ToArray(),
            mitigated.Select((v, i) => ob[i] != 0 ? v : double.NaN).ToArray(),
            percentage.Select((v, i) => ob[i] != 0 ? v : float.NaN).ToArray());
    }
}
