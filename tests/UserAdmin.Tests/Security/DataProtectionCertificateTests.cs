using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Security;

/// <summary>R-SEC-9: with <c>DataProtection:CertificatePath</c>, the keys in the database are encrypted with the certificate.</summary>
[Collection(AppTestGroup.Name)]
public sealed class DataProtectionCertificateTests(DataProtectionCertificateTests.App app) : IClassFixture<DataProtectionCertificateTests.App>
{
    public sealed class App : UserAdminAppFactory
    {
        private const string Password = "Certificate-Password-1";
        private readonly string _path = Path.Combine(Path.GetTempPath(), $"useradmin-keys-{Guid.NewGuid():N}.pfx");

        public App()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=UserAdmin data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(_path, certificate.Export(X509ContentType.Pfx, Password));
        }

        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings =>
            [new("DataProtection:CertificatePath", _path), new("DataProtection:CertificatePassword", Password)];

        protected override void Dispose(bool disposing)
        {
            base.Dispose(disposing);
            File.Delete(_path);
        }
    }

    [Fact] // R-SEC-9
    public async Task Keys_are_stored_encrypted_and_the_app_still_signs_in()
    {
        using var client = await app.SignInAsync(TestAccounts.Admin);
        using var users = await client.GetAsync("/users");

        await using var db = app.CreateDbContext();
        var keys = await db.DataProtectionKeys.Select(k => k.Xml).ToListAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, users.StatusCode);
        Assert.NotEmpty(keys);
        Assert.All(keys, xml =>
        {
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
        });
    }
}
