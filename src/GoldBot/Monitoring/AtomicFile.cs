namespace GoldBot.Monitoring;

/// <summary>
/// Replaces a file's content atomically: write a sibling temp file, then rename it over the
/// target, so a reader (<c>jq</c>, <c>tail</c>, a sync tool) never sees a half-written file.
/// (No fsync: these are monitoring snapshots rewritten every few seconds, not a ledger.)
/// </summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="content"/> (UTF-8) to <paramref name="path"/> atomically.</summary>
    /// <exception cref="IOException">The directory is missing or not writable.</exception>
    public static void Write(string path, string content)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, content);
        File.Move(temp, path, overwrite: true);
    }
}
