namespace GoldBot.Market;

/// <summary>Products that share one holiday schedule on CME Globex, e.g. <c>metals</c> (MGC, GC) or <c>equity</c> (MES, ES).</summary>
/// <param name="Id">Identifier the calendar's entries use, e.g. <c>metals</c>.</param>
/// <param name="Name">Description, e.g. <c>COMEX metals on CME Globex</c>.</param>
/// <param name="Symbols">Root symbols in the group, upper case (MGC, GC).</param>
public sealed record ProductGroup(string Id, string Name, IReadOnlyList<string> Symbols);
