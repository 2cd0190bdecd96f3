namespace GoldBot.Controls;

/// <summary>One control on its way to its line in controls.log (<see cref="ControlLog"/>).</summary>
public sealed class ControlLogEntry(DateTimeOffset seenAt, string source, ControlAction action)
{
    /// <summary>When the risk manager received it, UTC (market time).</summary>
    public DateTimeOffset SeenAt { get; } = seenAt;

    /// <summary>Who asked: <c>file NAME</c>, <c>telegram /cmd</c>, or a stop signal.</summary>
    public string Source { get; } = source;

    /// <summary>The control.</summary>
    public ControlAction Action { get; } = action;

    /// <summary>What the risk manager did, once known.</summary>
    public string? Detail { get; set; }

    /// <summary>The broker's confirmation, once known.</summary>
    public string? Broker { get; set; }
}
