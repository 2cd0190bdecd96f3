namespace GoldBot.Risk;

/// <summary>
/// Splits a whole number of contracts into shares by the largest-remainder (Hamilton) method: each
/// share first gets the floor of its exact quota, then the contracts left go one at a time to the
/// largest remaining fractions, ties to the earlier share. Used for the take-profit legs of a bracket
/// (the plan's 50/40/10, <c>design/000</c> "Take Profit Settings") and to re-split them over the
/// contracts an entry actually filled.
/// </summary>
public static class LargestRemainder
{
    /// <summary>Writes into <paramref name="counts"/> how many of <paramref name="total"/> contracts each share gets.</summary>
    /// <param name="shares">Weights, ≥ 0, summing to more than 0 (fractions of 1, or any proportional numbers).</param>
    /// <param name="total">Contracts to split, ≥ 0.</param>
    /// <param name="counts">Receives one count per share; the counts sum to <paramref name="total"/>.</param>
    /// <exception cref="ArgumentException">The spans differ in length or the weights sum to zero.</exception>
    public static void Split(ReadOnlySpan<decimal> shares, int total, Span<int> counts)
    {
        if (shares.Length != counts.Length)
            throw new ArgumentException("one count per share", nameof(counts));
        var sum = 0m;
        foreach (var share in shares)
            sum += share;
        if (sum <= 0)
            throw new ArgumentException("the shares must sum to more than zero", nameof(shares));
        var left = total;
        for (var i = 0; i < shares.Length; i++)
        {
            counts[i] = (int)decimal.Floor(shares[i] / sum * total);
            left -= counts[i];
        }
        while (left-- > 0)
        {
            var best = 0;
            for (var i = 1; i < shares.Length; i++)
            {
                if (Remainder(shares[i] / sum, total, counts[i]) > Remainder(shares[best] / sum, total, counts[best]))
                    best = i;
            }
            counts[best]++;
        }
    }

    private static decimal Remainder(decimal share, int total, int assigned) => share * total - assigned;
}
