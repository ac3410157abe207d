using Microsoft.AspNetCore.Identity;
using UserAdmin.Core.Users;

namespace UserAdmin.Tests.Account;

/// <summary>ASP.NET Core's hasher, counting verifications: the work of a sign-in, measured without a clock (R-SEC-7).</summary>
public sealed class CountingHasher : IPasswordHasher<User>
{
    private readonly PasswordHasher<User> _inner = new();
    private int _verifications;

    public int Verifications => Volatile.Read(ref _verifications);

    public string HashPassword(User user, string password) => _inner.HashPassword(user, password);

    public PasswordVerificationResult VerifyHashedPassword(User user, string hashedPassword, string providedPassword)
    {
        Interlocked.Increment(ref _verifications);
        return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}
