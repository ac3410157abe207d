using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Users;

namespace UserAdmin.Benchmarks;

/// <summary>
/// The P3 database: 2P agents, each owning R rows of every type of <see cref="TransferCatalogue"/>
/// (one real-time state, which is one per user), written with <see cref="FastWrites"/>. Keys
/// that are unique per user (day, interval, week, year, skill name, ...) are numbered from 0 for every
/// user, so a pair's rows collide exactly as the overwrite mode expects.
/// </summary>
internal static class TransferData
{
    private static readonly Instant At = Instant.FromUtc(2026, 1, 1, 8, 0);
    private static readonly LocalDate FirstDay = new(2024, 1, 1);

    /// <summary>Pair k moves agent 2k's data to agent 2k + 1.</summary>
    public static IReadOnlyList<TransferPair> Pairs(int pairs) =>
        Enumerable.Range(0, pairs).Select(k => new TransferPair(BenchmarkTenant.AgentId(2 * k), BenchmarkTenant.AgentId((2 * k) + 1))).ToList();

    public static async Task CreateAsync(IServiceProvider services, int pairs, int rowsPerUser)
    {
        await BenchmarkTenant.CreateAsync(services, 2 * pairs);
        var users = Enumerable.Range(0, 2 * pairs).Select(BenchmarkTenant.AgentId).ToList();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<UserAdminDbContext>();
        var written = new HashSet<Type>();

        // Parents first: every comment belongs to evaluation 1 or messaging request 1, all progress to contact goal 1.
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new Evaluation { EvaluatorUserId = user, ApproverUserId = user, FormName = "Customer Service", ScorePercent = 50 + (i % 50), EvaluatedAt = At + Duration.FromMinutes(i) });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new EvaluationComment { EvaluationId = 1, AuthorUserId = user, Text = "Confirm the caller's account before offering options.", WrittenAt = At + Duration.FromMinutes(i) });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new ContactGoal { AgentUserId = user, AssignedByUserId = user, Name = "Evaluated contacts", TargetContacts = 40, StartsOn = FirstDay, EndsOn = FirstDay.PlusDays(30) });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new ContactGoalProgress { ContactGoalId = 1, AgentUserId = user, Day = FirstDay.PlusDays(i), ContactsDone = i % 7 });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new MessagingRequest { RequesterUserId = user, Subject = "Shift swap", Status = "Pending", RequestedAt = At + Duration.FromMinutes(i) });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new MessagingRequestComment { MessagingRequestId = 1, AuthorUserId = user, Text = "Please confirm before Friday.", WrittenAt = At + Duration.FromMinutes(i) });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new LoginState { UserId = user, LoggedInAt = At + Duration.FromHours(i), LoggedOutAt = At + Duration.FromHours(i + 8), Workstation = "WS-042" });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new RecordingApiCommand { AgentUserId = user, Command = "Start recording", Client = "CRM connector", ReceivedAt = At + Duration.FromMinutes(i) });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new ContactCallRecord { AgentUserId = user, StartedAt = At + Duration.FromMinutes(i), DurationSeconds = 30 + i, Direction = "Inbound", CallerNumber = "+1 555 0100" });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new StorageFile { OwnerUserId = user, Path = $"recordings/{user}/{i}.wav", SizeBytes = 100_000 + i, RecordedAt = At + Duration.FromMinutes(i) });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new ArchiveAudit { UserId = user, Action = "Archived contact", ContactReference = "C-100200", OccurredAt = At + Duration.FromMinutes(i) });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new AuditEvent { UserId = user, Action = "Played recording", OccurredAt = At + Duration.FromMinutes(i) });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new ServerRequest { RequestedByUserId = user, Kind = "Forecast", Status = "Completed", RequestedAt = At + Duration.FromMinutes(i) });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new Alert { UserId = user, Kind = "Late login", RaisedAt = At + Duration.FromMinutes(i) });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new WfmView { OwnerUserId = user, Name = "My schedule", Screen = "Schedule editor", Definition = "{\"days\":7}" });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new WorkflowCondition { OwnerUserId = user, NotifyUserId = user, Name = "Late for shift", Condition = "Not logged in 5 minutes after shift start" });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new VacationHours { UserId = user, Year = 1000 + i, AccruedHours = 80.5m, UsedHours = 12m });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new SkillMapping { UserId = user, SkillName = $"Skill {i}", Priority = i + 1 });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new ExceptionAssignment { UserId = user, Day = FirstDay.PlusDays(i), StartMinute = 600, EndMinute = 660, ExceptionName = "Team meeting" });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new AgentSchedule { UserId = user, Day = FirstDay.PlusDays(i), StartMinute = 480, EndMinute = 960, ShiftName = "Day" });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new ProjectAssignment { UserId = user, ProjectName = $"Project {i}", HoursPerWeek = 4.5m, StartsOn = FirstDay });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new WorkShift { UserId = user, Weekday = i, Name = "Weekday", StartMinute = 480, EndMinute = 960 });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => Figures(new IntervalProductivity { UserId = user, IntervalStart = At + Duration.FromMinutes(15 * i) }));
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => Figures(new DailyProductivity { UserId = user, Day = FirstDay.PlusDays(i) }));
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => Figures(new WeeklyProductivity { UserId = user, WeekStart = FirstDay.PlusWeeks(i) }));
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => Figures(new MonthlyProductivity { UserId = user, Year = 1000 + (i / 12), Month = 1 + (i % 12) }));
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => Figures(new YearlyProductivity { UserId = user, Year = 1000 + i }));
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new OfflineActivityHours { UserId = user, Day = FirstDay.PlusDays(i), Activity = "Email", Hours = 1.5m });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new GroupDayAllocation { UserId = user, Day = FirstDay.PlusDays(i), GroupName = "Inbound", AllocatedMinutes = 480 });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new HistoricalActivity { UserId = user, IntervalStart = At + Duration.FromMinutes(15 * i), Activity = "On call", Seconds = 900 });
        await WriteAsync(db, written, users, rowsPerUser, (user, i) => new WorkHours { UserId = user, WeekStart = FirstDay.PlusWeeks(i), ContractedHours = 40m, WorkedHours = 38.5m });
        await WriteAsync(db, written, users, 1, (user, _) => new RealTimeState { UserId = user, State = "Available", Since = At });

        var missing = TransferCatalogue.All.Where(type => !written.Contains(type.EntityType)).Select(type => type.Key).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Add rows for the new data types {string.Join(", ", missing)} to {nameof(TransferData)}.");
        }
    }

    private static T Figures<T>(T row)
        where T : ProductivityData
    {
        row.HandledContacts = 30;
        row.HandleSeconds = 720;
        row.ProductiveSeconds = 800;
        row.ScheduledSeconds = 900;
        return row;
    }

    /// <summary>One transaction per type, so the WAL is checkpointed between types rather than growing to the whole file.</summary>
    private static async Task WriteAsync<TEntity>(UserAdminDbContext db, HashSet<Type> written, List<int> users, int rowsPerUser, Func<int, int, TEntity> create)
        where TEntity : class
    {
        await using var transaction = await db.Database.BeginTransactionAsync();
        await FastWrites.InsertAsync(db, users.SelectMany(user => Enumerable.Range(0, rowsPerUser).Select(i => create(user, i))));
        await transaction.CommitAsync();
        written.Add(typeof(TEntity));
    }
}
