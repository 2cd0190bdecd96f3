using System.Diagnostics;
using System.Globalization;

namespace GoldBot.Hosting;

/// <summary>
/// One daemon per folder (issue 10 §3): an exclusive lock on <c>goldbot.lock</c> in the daemon's logs folder (the folder
/// its status, journal and control files live in), held for the run and released by the operating system when the process
/// ends, even by kill -9. The holder writes who it is to <c>goldbot.pid</c>, so a second daemon can say which process
/// holds the folder. On Unix, .NET takes an advisory <c>flock</c> for <see cref="FileShare.None"/>; on Windows a share lock.
/// </summary>
public sealed class FolderLock : IDisposable
{
    private readonly FileStream _lock;
    private readonly string _ownerFile;

    private FolderLock(FileStream lockFile, string ownerFile) => (_lock, _ownerFile) = (lockFile, ownerFile);

    /// <summary>Takes the lock of <paramref name="folder"/> (created when missing).</summary>
    /// <param name="now">Start time written to <c>goldbot.pid</c>, UTC.</param>
    /// <exception cref="FolderLockedException">Another process holds the folder; the message names it.</exception>
    /// <exception cref="IOException">The folder or the lock file cannot be created.</exception>
    public static FolderLock Acquire(string folder, DateTimeOffset now)
    {
        var full = Path.GetFullPath(folder);
        Directory.CreateDirectory(full);
        var ownerFile = Path.Combine(full, "goldbot.pid");
        FileStream stream;
        try
        {
            stream = new FileStream(Path.Combine(full, "goldbot.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException)
        {
            var owner = File.Exists(ownerFile) ? File.ReadAllText(ownerFile).Trim() : "a process that did not say which";
            throw new FolderLockedException($"another GoldBot is running in {full}: {owner}. Stop it first, or give this one its own folder (Monitoring:LogDirectory)", e);
        }
        using var process = Process.GetCurrentProcess();
        File.WriteAllText(ownerFile, string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId} ({process.ProcessName}), started {now:yyyy-MM-dd HH:mm:ss} UTC on {Environment.MachineName}\n"));
        return new FolderLock(stream, ownerFile);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        // The owner file first: a daemon starting after the release finds no stale name.
        try
        {
            File.Delete(_ownerFile);
        }
        catch (IOException)
        {
            // Left behind: the next holder overwrites it.
        }
        _lock.Dispose();
    }
}
