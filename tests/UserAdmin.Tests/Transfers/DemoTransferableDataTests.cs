using System.Diagnostics;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Testing;
using UserAdmin.Core.DemoData;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserAdmin.Tests.Transfers;

/// <summary>The demo tenant gives transfers something to move: every demo user owns every data type.</summary>
public sealed class DemoTransferableDataTests(ITestOutputHelper output) : IDisposable
{
    private const int DemoUsers = 200;
    private readonly TestDatabase _database = new();

    [Fact]
    public async Task Every_one_of_200_demo_users_owns_rows_of_every_transferable_type()
    {
        await using (var seeding = _database.CreateDbContext())
        {
            var clock = new TenantClock(new FakeClock(UserAdminAppFactory.StartInstant), DateTimeZone.Utc);
            var demo = new DemoTenant(seeding, new PasswordHasher<User>(), clock);
            var time = Stopwatch.StartNew();
            Assert.True(await demo.SeedAsync(DemoUsers, TestAccounts.DemoPassword));
            output.WriteLine($"Seeded {DemoUsers} demo users with their transferable data in {time.ElapsedMilliseconds} ms.");
        }

        await using var db = _database.CreateDbContext();
        var userIds = (await db.Users.Select(u => u.Id).ToListAsync()).ToHashSet();
        Assert.Equal(DemoUsers, userIds.Count);
        foreach (var type in TransferCatalogue.All)
        {
            var owners = await TableContents.OwnersAsync(db, type);
            Assert.True(userIds.SetEquals(owners), $"{type.Name}: {userIds.Except(owners).Count()} demo users own none");
            output.WriteLine($"{type.Name}: {await TableContents.CountAsync(db, type)} rows");
        }
    }

    public void Dispose() => _database.Dispose();
}
