namespace GoldBot.GatewaySimulator.Faults;

/// <summary>
/// The next <paramref name="Count"/> authenticated REST requests (only those under <paramref name="Path"/> when set) are executed
/// at once (state changes and hub events happen), then their answer is held: for <paramref name="Milliseconds"/> on the simulator's clock
/// (answered late: a client with a shorter timeout gives up and never learns the outcome), or, when null, until the client aborts the
/// request (never answered). Held requests are counted in <see cref="Hosting.SimulatorActivity.HeldRequests"/>.
/// </summary>
/// <param name="Count">How many requests (0 switches it off).</param>
/// <param name="Path">Only requests whose path starts with these segments, e.g. <c>/api/Order/place</c> (case-insensitive); null: every <c>/api</c> request.</param>
/// <param name="Milliseconds">How long the answer is held, ms on the simulator's clock; null: never answered.</param>
public sealed record HoldResponses(int Count, string? Path = null, int? Milliseconds = null);
