namespace GoldBot.Indicators;

/// <summary>
/// One bar of <see cref="PearsonCorrelation"/> output (Skender <c>CorrResult</c> fields), computed
/// with population moments over the window. Every field is null during warm-up (indexes 0..n−2).
/// </summary>
/// <param name="VarianceA">Population variance of series A, E[a²] − E[a]², in A's units squared.</param>
/// <param name="VarianceB">Population variance of series B, E[b²] − E[b]², in B's units squared.</param>
/// <param name="Covariance">Population covariance E[ab] − E[a]·E[b], in A's units times B's units.</param>
/// <param name="Correlation">Pearson r = cov / √(varA · varB), in [−1, 1]; null when the divisor is 0.</param>
/// <param name="RSquared">r², in [0, 1]; null with r.</param>
public readonly record struct CorrelationResult(
    double? VarianceA,
    double? VarianceB,
    double? Covariance,
    double? Correlation,
    double? RSquared);
