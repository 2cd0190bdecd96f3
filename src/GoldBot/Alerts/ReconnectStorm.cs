namespace GoldBot.Alerts;

/// <summary>
/// Detects a reconnect storm from the market hub's running reconnect count: at least <paramref name="count"/> reconnects
/// within <paramref name="window"/> of market time. Reports once per storm: it re-arms when the window holds fewer again.
/// Not thread-safe (one watcher calls it).
/// </summary>
public sealed class ReconnectStorm(int count, TimeSpan window)
{
    private readonly Queue<DateTimeOffset> _recent = new();
    private int _seen;
    private bool _reported;

    /// <summary>The window.</summary>
    public TimeSpan Window => window;

    /// <summary>Reconnects within the window at the last <see cref="Observe"/>.</summary>
    public int InWindow => _recent.Count;

    /// <summary>Takes the running total at <paramref name="now"/>; true when a storm begins.</summary>
    public bool Observe(int reconnects, DateTimeOffset now)
    {
        for (; _seen < reconnects; _seen++)
            _recent.Enqueue(now);
        while (_recent.TryPeek(out var oldest) && now - oldest >= window)
            _recent.Dequeue();
        if (_recent.Count < count)
        {
            _reported = false;
            return false;
        }
        if (_reported)
            return false;
        _reported = true;
        return true;
    }
}
