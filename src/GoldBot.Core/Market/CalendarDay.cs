namespace GoldBot.Market;

/// <summary>One entry of an <see cref="ExchangeCalendar"/>: how a CT trading day trades for some product groups.</summary>
/// <param name="Date">The trading day (CT calendar date of its close).</param>
/// <param name="Groups">Ids of the <see cref="ProductGroup"/>s it applies to.</param>
/// <param name="Kind">Closed, early close or regular (a regular entry records a checked day, e.g. New Year's Eve).</param>
/// <param name="Close">CT close for <see cref="SessionKind.EarlyClose"/>; null otherwise.</param>
/// <param name="Name">Holiday or reason, e.g. <c>Christmas Eve</c>.</param>
/// <param name="Basis">Verified against bars, or still to be checked against CME's calendar.</param>
/// <param name="Sources">Ids of the <see cref="CalendarSource"/>s it rests on.</param>
/// <param name="Note">Free text: disagreements between sources, what the data showed; may be empty.</param>
public sealed record CalendarDay(
    DateOnly Date,
    IReadOnlyList<string> Groups,
    SessionKind Kind,
    TimeOnly? Close,
    string Name,
    CalendarBasis Basis,
    IReadOnlyList<string> Sources,
    string Note);
