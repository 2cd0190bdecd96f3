namespace GoldBot.Tests;

/// <summary>
/// Locates the read-only <c>../shared</c> folder (fixtures and real market data) next to the
/// repository root. Tests read fixtures from there and never copy them into the repo.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> Repo = new(FindRepoRoot);

    /// <summary>The repository root (the folder holding GoldBot.sln).</summary>
    public static string RepoRoot => Repo.Value;

    /// <summary>The shared folder, <c>&lt;repo&gt;/../shared</c>.</summary>
    public static string SharedRoot => System.IO.Path.GetFullPath(System.IO.Path.Combine(Repo.Value, "..", "shared"));

    /// <summary>Absolute path of <paramref name="relative"/> inside <c>../shared</c>; throws if it does not exist.</summary>
    public static string Path(string relative)
    {
        var full = System.IO.Path.Combine(SharedRoot, relative);
        if (!File.Exists(full) && !Directory.Exists(full))
            throw new FileNotFoundException($"shared fixture missing: {full} (tests expect ../shared next to the repository)");
        return full;
    }

    /// <summary>The real MGC 3-minute TopstepX bars used by the default run.</summary>
    public static string MgcBars => Path("data/mgc_3m_topstepx_MGCG26_2025-11-23_2026-01-02.csv");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "GoldBot.sln")))
                return dir.FullName;
        }
        throw new DirectoryNotFoundException("cannot find GoldBot.sln above " + AppContext.BaseDirectory);
    }
}
