namespace GoldBot.Indicators;

/// <summary>
/// One input of <see cref="BollingerBands"/> output (Skender <c>BollingerBandsResult</c> fields). All
/// fields are null during warm-up (indexes 0..n−2) and while a NaN input is in the window.
/// </summary>
/// <param name="Sma">Middle band: the simple mean of the last n inputs, in the inputs' units.</param>
/// <param name="UpperBand">Middle band + k · σ, where σ is the population standard deviation of the window.</param>
/// <param name="LowerBand">Middle band − k · σ.</param>
/// <param name="PercentB">%B = (x − lower) / (upper − lower): 0 at the lower band, 1 at the upper band; null when the bands coincide.</param>
/// <param name="ZScore">(x − SMA) / σ, in standard deviations; null when σ = 0.</param>
/// <param name="Width">Bandwidth (upper − lower) / SMA, a fraction; null when the SMA is 0.</param>
public readonly record struct BollingerBandsResult(
    double? Sma,
    double? UpperBand,
    double? LowerBand,
    double? PercentB,
    double? ZScore,
    double? Width);
