using System.Security.Cryptography;
using System.Text;

namespace UserAdmin.Web.Features.Api;

/// <summary>
/// R-TRF-5 for scripts: the <c>Idempotency-Key</c> header a client sends with a start, and repeats when it retries
/// the request, becomes the start's one-time confirmation key. The key is the client's own text; the confirmation key
/// is derived from it and from the token owner, so that two owners' scripts choosing the same text never meet.
/// </summary>
internal static class IdempotencyKey
{
    public const string Header = "Idempotency-Key";

    public const int MaxLength = 200;

    public static string? Problem(string? key) =>
        key is null || (key.Length is > 0 and <= MaxLength && !key.Any(char.IsControl))
            ? null
            : $"The {Header} header must be 1 to {MaxLength} characters without control characters; it had {key.Length}.";

    /// <summary>The confirmation key of a start: derived from <paramref name="key"/> when the client sent one, new otherwise.</summary>
    public static Guid ConfirmationKey(int ownerUserId, string? key)
    {
        if (key is null)
        {
            return Guid.NewGuid();
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{ownerUserId}\n{key}")));
        return new Guid(hash.AsSpan(0, 16));
    }
}
