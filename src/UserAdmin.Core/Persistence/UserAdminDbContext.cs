using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.People.Mappings;
using UserAdmin.Core.Security.AccessTokens;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Persistence;

/// <summary>The one DbContext of UserAdmin; used directly, without a repository layer (ADR-0003).</summary>
public class UserAdminDbContext(DbContextOptions<UserAdminDbContext> options)
    : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<User> Users => Set<User>();
    public DbSet<Role> Roles => Set<Role>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<QmView> QmViews => Set<QmView>();
    public DbSet<SkillMapping> SkillMappings => Set<SkillMapping>();
    public DbSet<UserRole> UserRoles => Set<UserRole>();
    public DbSet<UserScopeTeam> UserScopeTeams => Set<UserScopeTeam>();
    public DbSet<UserScopeGroup> UserScopeGroups => Set<UserScopeGroup>();
    public DbSet<UserQmView> UserQmViews => Set<UserQmView>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ImportUpload> ImportUploads => Set<ImportUpload>();
    public DbSet<PeopleImport> PeopleImports => Set<PeopleImport>();
    public DbSet<SavedMapping> SavedMappings => Set<SavedMapping>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<TransferRun> TransferRuns => Set<TransferRun>();
    public DbSet<TransferRunPair> TransferRunPairs => Set<TransferRunPair>();
    public DbSet<TransferRunCount> TransferRunCounts => Set<TransferRunCount>();

    // Transferable user data (DESIGN 2.3); TransferCatalogue says how each type is transferred.
    public DbSet<LoginState> LoginStates => Set<LoginState>();
    public DbSet<ContactCallRecord> ContactCallRecords => Set<ContactCallRecord>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<EvaluationComment> EvaluationComments => Set<EvaluationComment>();
    public DbSet<StorageFile> StorageFiles => Set<StorageFile>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<MessagingRequest> MessagingRequests => Set<MessagingRequest>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AgentSchedule> AgentSchedules => Set<AgentSchedule>();
    public DbSet<RealTimeState> RealTimeStates => Set<RealTimeState>();
    public DbSet<VacationHours> VacationHours => Set<VacationHours>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(UserAdminDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        ArgumentNullException.ThrowIfNull(configurationBuilder);
        configurationBuilder.Properties<LocalDate>().HaveConversion<LocalDateConverter>();
        configurationBuilder.DefaultTypeMapping<LocalDate>().HasConversion<LocalDateConverter>();
        configurationBuilder.Properties<Instant>().HaveConversion<InstantConverter>();
        configurationBuilder.DefaultTypeMapping<Instant>().HasConversion<InstantConverter>();
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewUserVersions();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewUserVersions();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void RenewUserVersions()
    {
        foreach (var entry in ChangeTracker.Entries<User>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}
