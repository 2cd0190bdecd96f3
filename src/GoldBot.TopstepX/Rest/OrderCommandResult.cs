namespace GoldBot.TopstepX.Rest;

/// <summary>
/// Outcome of Order/modify, Order/cancel, Position/closeContract or Position/partialCloseContract.
/// A refusal is a result (e.g. <c>OrderNotFound</c>, <c>Rejected</c>), not an exception.
/// </summary>
/// <param name="Success">True when the gateway did it.</param>
/// <param name="ErrorCode">Endpoint-specific code (0 on success).</param>
/// <param name="ErrorName">Endpoint-specific name of the code.</param>
/// <param name="ErrorMessage">Gateway message, often null.</param>
/// <param name="OutcomeUnknown">True when the gateway may or may not have done it (a timeout, a 5xx, a lost answer).</param>
public sealed record OrderCommandResult(bool Success, int ErrorCode, string ErrorName, string? ErrorMessage, bool OutcomeUnknown = false);
