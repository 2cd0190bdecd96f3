namespace GoldBot.TopstepX.Rest;

/// <summary>
/// The gateway answered but refused: an envelope with <c>success:false</c> on a query or login, or an
/// HTTP status that retrying cannot fix (400, 401 after re-login, 403, 404). <see cref="ErrorName"/>
/// is the endpoint's own name for <see cref="ErrorCode"/> (§3).
/// </summary>
public sealed class GatewayException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GatewayException(string endpoint, int errorCode, string errorName, string? gatewayMessage, int? httpStatus = null)
        : base($"{endpoint} failed: {errorName} (code {errorCode}{(httpStatus is null ? "" : $", HTTP {httpStatus}")}){(gatewayMessage is null ? "" : ": " + gatewayMessage)}")
    {
        Endpoint = endpoint;
        ErrorCode = errorCode;
        ErrorName = errorName;
        GatewayMessage = gatewayMessage;
        HttpStatus = httpStatus;
    }

    /// <summary>Creates an exception with a message only (for serializers and tooling).</summary>
    public GatewayException()
        : this("unknown", -1, "Unknown", null)
    {
    }

    /// <summary>Creates an exception with a message only (for serializers and tooling).</summary>
    public GatewayException(string message)
        : base(message)
    {
        Endpoint = "unknown";
        ErrorName = "Unknown";
        ErrorCode = -1;
    }

    /// <summary>Creates an exception with a message and cause (for serializers and tooling).</summary>
    public GatewayException(string message, Exception innerException)
        : base(message, innerException)
    {
        Endpoint = "unknown";
        ErrorName = "Unknown";
        ErrorCode = -1;
    }

    /// <summary>Endpoint path, e.g. <c>/api/Contract/searchById</c>.</summary>
    public string Endpoint { get; }

    /// <summary>Endpoint-specific error code from the envelope; -1 when the failure was an HTTP status.</summary>
    public int ErrorCode { get; }

    /// <summary>Endpoint-specific name of the code (e.g. <c>ContractNotFound</c>), or <c>Http{status}</c>.</summary>
    public string ErrorName { get; }

    /// <summary>The gateway's <c>errorMessage</c>, often null.</summary>
    public string? GatewayMessage { get; }

    /// <summary>HTTP status when it was not 200.</summary>
    public int? HttpStatus { get; }
}
