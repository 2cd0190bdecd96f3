using System.Globalization;

namespace GoldBot.Alerts;

/// <summary>
/// One outbound notification. <see cref="Kind"/> and <see cref="Key"/> name what it is about (a trade id, a limit, a
/// trading day): de-duplication and the cooldown count per kind and key (<see cref="AlertThrottle"/>).
/// </summary>
/// <param name="Kind">The event.</param>
/// <param name="Key">What within the kind it concerns, e.g. a trade id, <c>daily</c>, a trading day.</param>
/// <param name="Severity">How urgent.</param>
/// <param name="Title">One line, e.g. <c>Entry: long 8 MGC at 2650.1</c>.</param>
/// <param name="Text">The details, one or more lines (may be empty).</param>
/// <param name="Time">When it happened, UTC (market time).</param>
public sealed record Alert(AlertKind Kind, string Key, AlertSeverity Severity, string Title, string Text, DateTimeOffset Time)
{
    /// <summary>Alerts of the same kind and key the cooldown held back since the last one sent.</summary>
    public int Suppressed { get; init; }

    /// <summary>The plain-text message a chat shows: severity and title, the details, the time (UTC) and any held back.</summary>
    public string Render() => string.Create(CultureInfo.InvariantCulture,
        $"[{Severity.ToString().ToUpperInvariant()}] {Title}{(Text.Length > 0 ? "\n" + Text : "")}\n{Time:yyyy-MM-dd HH:mm:ss} UTC{(Suppressed > 0 ? $" ({Suppressed} similar held back by the cooldown)" : "")}");
}
