namespace GoldBot.Market;

/// <summary>Where an <see cref="ExchangeCalendar"/>'s entries come from, as the file records it.</summary>
/// <param name="Id">Identifier the entries cite, e.g. <c>mgc-3m-topstepx</c>.</param>
/// <param name="Title">What the source is.</param>
/// <param name="Reference">Where to find it (file, address, commit).</param>
/// <param name="Method">How entries were established or checked with it.</param>
public sealed record CalendarSource(string Id, string Title, string Reference, string Method);
