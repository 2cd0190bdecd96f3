namespace GoldBot.Execution;

/// <summary>What the broker says about one order found by its tag (<see cref="IBroker.FindOrderAsync"/>).</summary>
/// <param name="OrderId">Broker id.</param>
/// <param name="Tag">Client tag.</param>
/// <param name="Working">True while it can still fill.</param>
/// <param name="FilledQuantity">Contracts filled so far.</param>
/// <param name="Order">Its working values when <paramref name="Working"/>, else null.</param>
/// <param name="Status">The broker's status name, for logs (e.g. <c>Filled</c>, <c>Cancelled</c>, <c>Rejected</c>).</param>
public sealed record OrderLookup(long OrderId, string Tag, bool Working, int FilledQuantity, WorkingOrder? Order, string Status);
