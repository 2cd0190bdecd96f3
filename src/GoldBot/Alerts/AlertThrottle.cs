namespace GoldBot.Alerts;

/// <summary>
/// De-duplication and cooldown per <see cref="Alert.Kind"/> and <see cref="Alert.Key"/>, on the time it is given:
/// an alert whose text equals the last one sent for its kind and key within the duplicate window is dropped; a different
/// one within the cooldown of the last one sent is held back (counted, and the count goes with the next one sent), unless
/// it is <see cref="AlertSeverity.Critical"/>. Not thread-safe (<see cref="AlertPublisher"/> serialises it).
/// </summary>
/// <param name="cooldown">Least time between two alerts of one kind and key.</param>
/// <param name="duplicateWindow">How long an identical alert stays a duplicate.</param>
public sealed class AlertThrottle(TimeSpan cooldown, TimeSpan duplicateWindow)
{
    // Pruned beyond this many keys (one per trade for entries and exits): entries older than both windows are forgotten.
    private const int PruneAbove = 256;

    private readonly Dictionary<(AlertKind, string), Sent> _last = [];

    /// <summary>True when <paramref name="alert"/> may go out at <paramref name="now"/>; <paramref name="heldBack"/> is how many of its kind and key were held back before it.</summary>
    public bool Admit(Alert alert, DateTimeOffset now, out int heldBack)
    {
        ArgumentNullException.ThrowIfNull(alert);
        heldBack = 0;
        var key = (alert.Kind, alert.Key);
        if (_last.TryGetValue(key, out var last))
        {
            var since = now - last.At;
            if (last.Text == alert.Text && since < duplicateWindow)
                return false;
            if (since < cooldown && alert.Severity < AlertSeverity.Critical)
            {
                last.HeldBack++;
                return false;
            }
            heldBack = last.HeldBack;
        }
        if (_last.Count >= PruneAbove)
            Prune(now);
        _last[key] = new Sent(now, alert.Text);
        return true;
    }

    private void Prune(DateTimeOffset now)
    {
        var keep = cooldown > duplicateWindow ? cooldown : duplicateWindow;
        foreach (var (key, sent) in _last.ToList())
        {
            if (now - sent.At >= keep)
                _last.Remove(key);
        }
    }

    private sealed class Sent(DateTimeOffset at, string text)
    {
        public DateTimeOffset At { get; } = at;

        public string Text { get; } = text;

        public int HeldBack { get; set; }
    }
}
