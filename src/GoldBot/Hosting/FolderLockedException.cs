namespace GoldBot.Hosting;

/// <summary>Another daemon holds the folder; the message names its process.</summary>
public sealed class FolderLockedException : IOException
{
    /// <summary>Creates the exception.</summary>
    public FolderLockedException()
    {
    }

    /// <summary>Creates the exception with its message.</summary>
    public FolderLockedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with its message and cause.</summary>
    public FolderLockedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
