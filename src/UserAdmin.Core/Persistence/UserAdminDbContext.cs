using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.People.Mappings;
using UserAdmin.Core.Security.AccessTokens;
using UserAdmin.Core.Transfers.Bulk;
using UserAdmin.Core.Transfers.Runs;
using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Uploads;
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
    public DbSet<Security.SignInLockout> SignInLockouts => Set<Security.SignInLockout>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Upload> Uploads => Set<Upload>();

    public DbSet<UploadContent> UploadContents => Set<UploadContent>();
    public DbSet<ImportDraft> ImportDrafts => Set<ImportDraft>();
    public DbSet<ImportPreviewRow> ImportPreviewRows => Set<ImportPreviewRow>();
    public DbSet<PeopleImport> PeopleImports => Set<PeopleImport>();
    public DbSet<People.Revert.ImportBeforeImage> ImportBeforeImages => Set<People.Revert.ImportBeforeImage>();
    public DbSet<People.Revert.ImportRevertDraft> ImportRevertDrafts => Set<People.Revert.ImportRevertDraft>();
    public DbSet<SavedMapping> SavedMappings => Set<SavedMapping>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<TransferRun> TransferRuns => Set<TransferRun>();
    public DbSet<TransferRunPair> TransferRunPairs => Set<TransferRunPair>();
    public DbSet<TransferRunCount> TransferRunCounts => Set<TransferRunCount>();
    public DbSet<TransferParticipant> TransferParticipants => Set<TransferParticipant>();
    public DbSet<StoredBulkPlan> BulkTransferPlans => Set<StoredBulkPlan>();

    // Transferable user data (DESIGN 2.3); TransferCatalogue says how each type is transferred.
    public DbSet<LoginState> LoginStates => Set<LoginState>();
    public DbSet<RecordingApiCommand> RecordingApiCommands => Set<RecordingApiCommand>();
    public DbSet<ContactCallRecord> ContactCallRecords => Set<ContactCallRecord>();
    public DbSet<Evaluation> Evaluations => Set<Evaluation>();
    public DbSet<EvaluationComment> EvaluationComments => Set<EvaluationComment>();
    public DbSet<ContactGoal> ContactGoals => Set<ContactGoal>();
    public DbSet<ContactGoalProgress> ContactGoalProgress => Set<ContactGoalProgress>();
    public DbSet<StorageFile> StorageFiles => Set<StorageFile>();
    public DbSet<ArchiveAudit> ArchiveAudit => Set<ArchiveAudit>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<MessagingRequest> MessagingRequests => Set<MessagingRequest>();
    public DbSet<MessagingRequestComment> MessagingRequestComments => Set<MessagingRequestComment>();
    public DbSet<ServerRequest> ServerRequests => Set<ServerRequest>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<WfmView> WfmViews => Set<WfmView>();
    public DbSet<WorkflowCondition> WorkflowConditions => Set<WorkflowCondition>();
    public DbSet<VacationHours> VacationHours => Set<VacationHours>();
    public DbSet<ExceptionAssignment> ExceptionAssignments => Set<ExceptionAssignment>();
    public DbSet<AgentSchedule> AgentSchedules => Set<AgentSchedule>();
    public DbSet<ProjectAssignment> ProjectAssignments => Set<ProjectAssignment>();
    public DbSet<WorkShift> WorkShifts => Set<WorkShift>();
    public DbSet<IntervalProductivity> IntervalProductivity => Set<IntervalProductivity>();
    public DbSet<DailyProductivity> DailyProductivity => Set<DailyProductivity>();
    public DbSet<WeeklyProductivity> WeeklyProductivity => Set<WeeklyProductivity>();
    public DbSet<MonthlyProductivity> MonthlyProductivity => Set<MonthlyProductivity>();
    public DbSet<YearlyProductivity> YearlyProductivity => Set<YearlyProductivity>();
    public DbSet<OfflineActivityHours> OfflineActivityHours => Set<OfflineActivityHours>();
    public DbSet<GroupDayAllocation> GroupDayAllocations => Set<GroupDayAllocation>();
    public DbSet<HistoricalActivity> HistoricalActivities => Set<HistoricalActivity>();
    public DbSet<WorkHours> WorkHours => Set<WorkHours>();
    public DbSet<RealTimeState> RealTimeStates => Set<RealTimeState>();

    /// <summary>The provider this context works on, for the few statements written per provider.</summary>
    public DatabaseProvider Provider => Database.ProviderName switch
    {
        "Microsoft.EntityFrameworkCore.Sqlite" => DatabaseProvider.Sqlite,
        "Microsoft.EntityFrameworkCore.SqlServer" => DatabaseProvider.SqlServer,
        "Npgsql.EntityFrameworkCore.PostgreSQL" => DatabaseProvider.PostgreSql,
        var other => throw new InvalidOperationException($"UserAdmin does not run on {other}."),
    };

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(UserAdminDbContext).Assembly);
        TextMatch.Register(modelBuilder, upperCaseFirst: Provider == DatabaseProvider.PostgreSql);
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
