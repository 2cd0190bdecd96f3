namespace GoldBot.GatewaySimulator.Engine;

/// <summary>Outcome of a gateway command in envelope form: errorCode 0 is success; the code's meaning depends on the endpoint.</summary>
/// <param name="ErrorCode">Endpoint-specific error code (0 = success).</param>
/// <param name="ErrorMessage">Message for the client, null on success.</param>
/// <param name="OrderId">The order created, when one was (also on some rejections, as the gateway does).</param>
public sealed record GatewayResult(int ErrorCode, string? ErrorMessage, long? OrderId = null)
{
    /// <summary>True when <see cref="ErrorCode"/> is 0.</summary>
    public bool Success => ErrorCode == 0;

    /// <summary>A success, optionally with the order id.</summary>
    public static GatewayResult Ok(long? orderId = null) => new(0, null, orderId);
}
