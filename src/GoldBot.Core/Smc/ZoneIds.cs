namespace GoldBot.Smc;

/// <summary>Issues zone identities (1, 2, 3, …) shared by all trackers of one engine.</summary>
internal sealed class ZoneIds
{
    private int _last;

    public int Next() => ++_last;
}
