namespace GoldBot.GatewaySimulator.Faults;

/// <summary>
/// An HTTP error burst on one endpoint: authenticated requests whose path starts with <paramref name="Path"/> answer
/// <paramref name="Status"/> with an empty body, for the next <paramref name="Count"/> requests and/or for <paramref name="Seconds"/> on the
/// simulator's clock from now (with both, the burst ends at whichever comes first). With <paramref name="Execute"/> the request is
/// executed first and its answer discarded, so the client cannot know whether it happened. A new burst replaces the previous one.
/// </summary>
/// <param name="Path">Endpoint path, e.g. <c>/api/Order/place</c> (case-insensitive, matched by segments).</param>
/// <param name="Status">HTTP status, 400–599 (default 500).</param>
/// <param name="Count">How many requests; null: no count limit (then <paramref name="Seconds"/> is required).</param>
/// <param name="Seconds">How long, seconds on the simulator's clock; null: no time limit (then <paramref name="Count"/> is required).</param>
/// <param name="Execute">True: execute the request before failing it.</param>
public sealed record FailEndpoint(string Path, int Status = 500, int? Count = null, double? Seconds = null, bool Execute = false);
