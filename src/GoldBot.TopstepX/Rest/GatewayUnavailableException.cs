namespace GoldBot.TopstepX.Rest;

/// <summary>
/// The gateway could not be reached or did not answer in time (timeout, network error, HTTP 5xx, or
/// HTTP 429 after every retry). For a money-moving command the outcome is UNKNOWN: the order may or
/// may not exist; reconcile through REST before acting again.
/// </summary>
public sealed class GatewayUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public GatewayUnavailableException(string endpoint, int? httpStatus, Exception? innerException)
        : base($"{endpoint} unavailable{(httpStatus is null ? "" : $" (HTTP {httpStatus})")}{(innerException is null ? "" : ": " + innerException.Message)}", innerException)
    {
        Endpoint = endpoint;
        HttpStatus = httpStatus;
    }

    /// <summary>Creates an exception with a default message.</summary>
    public GatewayUnavailableException()
        : this("unknown", null, null)
    {
    }

    /// <summary>Creates an exception with a message only.</summary>
    public GatewayUnavailableException(string message)
        : base(message)
    {
        Endpoint = "unknown";
    }

    /// <summary>Creates an exception with a message and cause.</summary>
    public GatewayUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
        Endpoint = "unknown";
    }

    /// <summary>Endpoint path.</summary>
    public string Endpoint { get; }

    /// <summary>Last HTTP status (429 or 5xx), or null for a timeout or network error.</summary>
    public int? HttpStatus { get; }
}
