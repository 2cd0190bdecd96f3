namespace GoldBot.Indicators;

/// <summary>
/// The rolling volume average: the <see cref="SimpleMovingAverage"/> of whole volumes (contracts), <c>(v[i−n+1] + … + v[i]) / n</c>,
/// null for the first n−1 inputs, and bit for bit what <see cref="SimpleMovingAverage.Add"/> gives for the same volumes. It keeps
/// a running integer sum instead of re-adding its window: while every volume in the window is below 2^53 / n in magnitude,
/// every partial sum of the window in doubles is a whole number below 2^53, so the double sum is exact and equals the integer
/// sum in any order; a window holding a larger volume is re-added oldest first in doubles, as the simple moving average does.
/// Allocates nothing after construction.
/// </summary>
public sealed class VolumeMovingAverage
{
    private readonly long[] _window;
    private readonly long _limit;
    private int _count;
    private int _next;
    // The window's sum (wrapping while a large volume is in it: exact again, modulo 2^64, once it has left) and its large volumes.
    private long _sum;
    private int _large;

    /// <summary>Creates the average over <paramref name="period"/> bars.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is not positive.</exception>
    public VolumeMovingAverage(int period)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(period);
        _window = new long[period];
        _limit = (1L << 53) / period;
    }

    /// <summary>Adds one bar's volume (contracts); returns the average of the last n volumes, or null before n.</summary>
    public double? Add(long volume)
    {
        if (_count == _window.Length)
        {
            var oldest = _window[_next];
            _sum = unchecked(_sum - oldest);
            _large -= IsLarge(oldest) ? 1 : 0;
        }
        else
        {
            _count++;
        }
        _window[_next] = volume;
        _next = _next + 1 == _window.Length ? 0 : _next + 1;
        _sum = unchecked(_sum + volume);
        _large += IsLarge(volume) ? 1 : 0;
        if (_count < _window.Length)
            return null;
        if (_large == 0)
            return (double)_sum / _window.Length;

        var sum = 0d;
        foreach (var v in _window.AsSpan(_next))
            sum += v;
        foreach (var v in _window.AsSpan(0, _next))
            sum += v;
        return sum / _window.Length;
    }

    private bool IsLarge(long volume) => volume >= _limit || volume <= -_limit;
}
