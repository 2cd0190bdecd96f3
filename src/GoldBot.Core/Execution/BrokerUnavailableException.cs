namespace GoldBot.Execution;

/// <summary>The broker could not be reached or read (live: the gateway did not answer after every retry).</summary>
public sealed class BrokerUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BrokerUnavailableException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public BrokerUnavailableException()
        : base("the broker is unavailable")
    {
    }

    /// <summary>Creates the exception.</summary>
    public BrokerUnavailableException(string message)
        : base(message)
    {
    }
}
