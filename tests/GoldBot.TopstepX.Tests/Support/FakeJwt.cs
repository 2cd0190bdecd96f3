using System.Buffers.Text;
using System.Text;

namespace GoldBot.TopstepX.Tests.Support;

/// <summary>Unsigned JWTs with a chosen <c>exp</c>, enough for the client's expiry reading.</summary>
internal static class FakeJwt
{
    public static string Create(DateTimeOffset expiresAt, string subject = "tester") =>
        Part("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "." +
        Part($"{{\"sub\":\"{subject}\",\"exp\":{expiresAt.ToUnixTimeSeconds()}}}") + ".c2lnbmF0dXJl";

    /// <summary>The <c>sub</c> claim of a token made by <see cref="Create"/>.</summary>
    public static string Subject(string jwt) =>
        System.Text.Json.JsonDocument.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1])).RootElement.GetProperty("sub").GetString()!;

    private static string Part(string json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json));
}
