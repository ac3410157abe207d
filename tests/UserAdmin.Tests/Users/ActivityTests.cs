using System.Net;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.DemoData;
using Microsoft.Extensions.DependencyInjection;
using UserAdmin.Core.Tenancy;
using UserAdmin.Core.Users;
using UserAdmin.Tests.Infrastructure;
using UserAdmin.Tests.People;

namespace UserAdmin.Tests.Users;

/// <summary>
/// R-USR-1 with a tenant west of UTC: at the test clock's 09:00 UTC on 2026-06-15 it is still 2026-06-14 in
/// Pacific/Pago_Pago (UTC−11). Every place that asks "is this user active?" — sign-in, the user list and
/// details, the import's activations — must answer with the tenant's date, through <see cref="Activity"/>.
/// </summary>
[Collection(AppTestGroup.Name)]
public sealed class ActivityTests(ActivityTests.App app) : IClassFixture<ActivityTests.App>
{
    public sealed class App : UserAdminAppFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> ExtraSettings => [new("Tenant:TimeZone", "Pacific/Pago_Pago")];
    }

    private static readonly LocalDate TenantToday = new(2026, 6, 14);

    public static TheoryData<int?, bool> Deactivations => new()
    {
        // Deactivated as days after the tenant's today (null: empty), and whether the user is active
        { null, true },
        { -1, false },
        { 0, false },
        { 1, true }, // 2026-06-15: today in UTC, so a UTC reading would call the user inactive
        { 2, true },
    };

    [Theory] // R-USR-1: the one rule, on the tenant's date
    [MemberData(nameof(Deactivations))]
    public void Active_means_deactivated_empty_or_after_the_tenant_s_today(int? days, bool active)
    {
        Assert.Equal(active, Activity.IsActive(days is { } d ? TenantToday.PlusDays(d) : null, TenantToday));
    }

    [Fact] // R-USR-1: the app's "today" is the tenant's date, not UTC's
    public void The_tenant_s_today_is_the_day_before_utc_s()
    {
        using var scope = app.Services.CreateScope();

        Assert.Equal(TenantToday, scope.ServiceProvider.GetRequiredService<TenantClock>().Today);
        Assert.Equal(TenantToday.PlusDays(1), LocalDate.FromDateTime(UserAdminAppFactory.StartInstant.ToDateTimeUtc()));
    }

    [Theory] // R-USR-1 everywhere: sign-in, the list's status filter and the details page agree with the rule
    [MemberData(nameof(Deactivations))]
    public async Task Sign_in_the_user_list_and_the_details_page_agree_on_who_is_active(int? days, bool active)
    {
        var agentId = await SetAgentDeactivatedAsync(days is { } d ? TenantToday.PlusDays(d) : null);
        using var admin = await app.SignInAsync(TestAccounts.Admin);

        using var agent = app.CreateTestClient();
        var signIn = await agent.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["EmailOrLogin"] = TestAccounts.Agent.EmailOrLogin,
            ["Password"] = TestAccounts.Agent.Password,
        });
        var listed = await admin.GetDocumentAsync($"/users?status={(active ? "Active" : "Inactive")}&search={Uri.EscapeDataString(DemoTenant.AgentEmail)}");
        var details = await admin.GetDocumentAsync($"/users/{agentId}");

        Assert.Equal(active ? HttpStatusCode.Redirect : HttpStatusCode.OK, signIn.StatusCode);
        Assert.Equal("1 user", listed.QuerySelector("#user-count")!.TextContent.Trim());
        Assert.Equal(active ? "Active" : "Inactive", details.QuerySelector(".badge")!.TextContent.Trim());
    }

    [Theory] // R-USR-1, R-USR-2: the import calls a deactivation on the tenant's today a deactivation, the day after a scheduled one
    [InlineData(0, "Deactivated")]
    [InlineData(1, "Deactivation scheduled")]
    public async Task The_import_s_activations_use_the_tenant_s_today(int days, string shown)
    {
        await SetAgentDeactivatedAsync(null);
        using var client = await app.SignInAsync(TestAccounts.Admin);
        var steps = new ImportSteps(client);
        var file = PeopleFile.Parse(await steps.ExportAsync()).Only(DemoTenant.AgentEmail);
        file[file.Rows[0], "Deactivated"] = TenantToday.PlusDays(days).ToString("yyyy-MM-dd", null);

        var preview = await steps.PreviewPageAsync(await steps.PreviewAsync(file.ToBytes()));

        Assert.StartsWith(shown + ":", preview.QuerySelector("#activations li")!.TextContent.Trim(), StringComparison.Ordinal);
    }

    private async Task<int> SetAgentDeactivatedAsync(LocalDate? deactivated)
    {
        await using var db = app.CreateDbContext();
        var agent = await db.Users.SingleAsync(u => u.Email == DemoTenant.AgentEmail);
        agent.Deactivated = deactivated;
        await db.SaveChangesAsync();
        return agent.Id;
    }
}
