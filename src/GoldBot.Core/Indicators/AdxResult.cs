namespace GoldBot.Indicators;

/// <summary>
/// One bar of <see cref="AverageDirectionalIndex"/> output (Skender <c>AdxResult</c> fields), all on a
/// 0–100 scale. A field is null where it is undefined; every field is null on a bar whose smoothed
/// true range is 0.
/// </summary>
/// <param name="Pdi">Plus directional indicator +DI = 100 · smoothed +DM / smoothed TR; from index n.</param>
/// <param name="Mdi">Minus directional indicator −DI = 100 · smoothed −DM / smoothed TR; from index n.</param>
/// <param name="Dx">Directional index DX = 100 · |+DI − −DI| / (+DI + −DI), 0 when +DI = −DI; from index n.</param>
/// <param name="Adx">Average directional index, Wilder-smoothed DX; from index 2n − 1.</param>
/// <param name="Adxr">ADX rating, (ADX[i] + ADX[i − n]) / 2; from index 3n − 1.</param>
public readonly record struct AdxResult(double? Pdi, double? Mdi, double? Dx, double? Adx, double? Adxr);
