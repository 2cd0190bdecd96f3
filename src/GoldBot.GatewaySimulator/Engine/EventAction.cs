namespace GoldBot.GatewaySimulator.Engine;

/// <summary>
/// The kind of change a user-hub event announces; the live gateway wraps entities as
/// <c>{action, data}</c> with these values (fixtures/projectx-live/README.md item 1).
/// </summary>
public enum EventAction
{
    /// <summary>A new entity (seen on a new trade).</summary>
    Created = 0,
    /// <summary>An update (seen on account and order updates).</summary>
    Updated = 1,
    /// <summary>Removed (seen on a position that closed).</summary>
    Removed = 2,
}
