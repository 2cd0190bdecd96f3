namespace GoldBot.Execution;

/// <summary>What an order the executor sent is for.</summary>
internal enum OrderRole
{
    /// <summary>Opens the trade.</summary>
    Entry,

    /// <summary>Protective stop of the position.</summary>
    Stop,

    /// <summary>A take-profit limit (<see cref="OrderIntent.Leg"/> names it).</summary>
    Target,

    /// <summary>Closes the position during a flatten.</summary>
    Close,
}

/// <summary>Where an order the executor sent stands.</summary>
internal enum IntentState
{
    /// <summary>Sent; no answer yet.</summary>
    Sending,

    /// <summary>Working at the broker.</summary>
    Working,

    /// <summary>The answer was lost: it may or may not exist; being looked up by its tag.</summary>
    Uncertain,

    /// <summary>Filled, cancelled, rejected, or found never to have been placed.</summary>
    Done,
}

/// <summary>An order the executor sent, by its client tag: its role, its broker id once known, and its state.</summary>
internal sealed class OrderIntent(string tag, OrderRole role, string? leg, DateTimeOffset since)
{
    /// <summary>Client tag, unique per account.</summary>
    public string Tag { get; } = tag;

    /// <summary>What the order is for.</summary>
    public OrderRole Role { get; } = role;

    /// <summary>Take-profit leg name (<c>tp1</c>, <c>tp2</c>, <c>runner</c>) of a target.</summary>
    public string? Leg { get; } = leg;

    /// <summary>Broker id, 0 until known.</summary>
    public long Id { get; set; }

    /// <summary>State.</summary>
    public IntentState State { get; private set; } = IntentState.Sending;

    /// <summary>When the state began, UTC.</summary>
    public DateTimeOffset Since { get; private set; } = since;

    /// <summary>Contracts ordered (as last changed), filled ones included.</summary>
    public int Quantity { get; set; }

    /// <summary>Contracts filled so far.</summary>
    public int Filled { get; set; }

    /// <summary>True once the account was read because the order showed no fill when it should have.</summary>
    public bool Checked { get; set; }

    /// <summary>When the broker was last asked for it by its tag, UTC.</summary>
    public DateTimeOffset? LastLookup { get; set; }

    /// <summary>When a search by its tag first answered "no such order" (failed searches do not count), UTC, or null.</summary>
    public DateTimeOffset? MissingSince { get; set; }

    /// <summary>Moves to <paramref name="state"/> at <paramref name="now"/>.</summary>
    public void Set(IntentState state, DateTimeOffset now)
    {
        if (State == state)
            return;
        State = state;
        Since = now;
    }

    /// <summary>True while it may still fill without the executor knowing its id or its working values.</summary>
    public bool Unsettled => State is IntentState.Sending or IntentState.Uncertain;
}
