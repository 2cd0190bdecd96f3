namespace GoldBot.State;

/// <summary>
/// The state store cannot be used: the file is not a SQLite database or is corrupt, it was written by a newer
/// GoldBot (a schema version this build does not know), or another process holds it. Never answered by a reset:
/// the operator decides (the daemon exits with code 2).
/// </summary>
public sealed class StateStoreException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StateStoreException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public StateStoreException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public StateStoreException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
