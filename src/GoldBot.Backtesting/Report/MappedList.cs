using System.Collections;

namespace GoldBot.Backtesting.Report;

/// <summary>
/// A read-only view of a list that maps each element when it is read, so a chart series over a 1,000,000-bar run
/// (candles from bars, points from the equity curve) costs no copy of the run: the report reads each element a few
/// times (check, choose a resolution, aggregate) and keeps only the aggregated candles and points.
/// </summary>
/// <typeparam name="TSource">Element of the underlying list.</typeparam>
/// <typeparam name="TResult">Element seen through the view.</typeparam>
internal sealed class MappedList<TSource, TResult>(IReadOnlyList<TSource> source, Func<TSource, TResult> map) : IReadOnlyList<TResult>
{
    public TResult this[int index] => map(source[index]);

    public int Count => source.Count;

    public IEnumerator<TResult> GetEnumerator()
    {
        for (var i = 0; i < source.Count; i++)
            yield return map(source[i]);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
