using UserAdmin.Core.DemoData;

namespace UserAdmin.Tests.Infrastructure;

/// <summary>Sign-ins every test app has: the bootstrap administrator and the demo tenant's accounts.</summary>
public static class TestAccounts
{
    public const string AdminEmail = "admin@useradmin.test";
    public const string AdminPassword = "Admin-Password-1!";
    public const string DemoPassword = "Demo-Password-1!";

    public static readonly TestAccount Admin = new(AdminEmail, AdminPassword);
    public static readonly TestAccount Supervisor = new(DemoTenant.SupervisorEmail, DemoPassword);
    public static readonly TestAccount QmAdministrator = new(DemoTenant.QmAdministratorEmail, DemoPassword);
    public static readonly TestAccount Agent = new(DemoTenant.AgentEmail, DemoPassword);
    public static readonly TestAccount SecondSupervisor = new(DemoTenant.SecondSupervisorEmail, DemoPassword);
}

public sealed record TestAccount(string EmailOrLogin, string Password);
