using System.Collections;
using NodaTime;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers;
using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Users;

namespace UserAdmin.Tests.Transfers;

/// <summary>
/// Rows of any catalogue type for tests. A type added to the catalogue without a case here fails
/// every catalogue theory, which is the reminder to add one.
/// </summary>
internal static class SampleRows
{
    private static readonly Instant At = Instant.FromUtc(2026, 6, 1, 9, 0);
    private static readonly LocalDate FirstDay = new(2026, 6, 1);

    /// <summary>
    /// The rows one user owns: for a type with one user column, <paramref name="count"/> rows; for
    /// several columns, <paramref name="count"/> rows naming the owner in each column in turn (the
    /// others name <paramref name="other"/>) plus one row naming the owner in every column.
    /// Unique keys are numbered from 0 for every owner, so two owners' rows collide on them.
    /// </summary>
    public static List<object> For(TransferableDataType type, int owner, int other, int count, SampleParents parents)
    {
        var columns = type.UserColumns.Count;
        var rows = new List<object>();
        var index = 0;
        for (var column = 0; column < columns; column++)
        {
            for (var i = 0; i < count; i++)
            {
                var users = Enumerable.Range(0, columns).Select(c => c == column ? owner : other).ToArray();
                rows.Add(Create(type, users, index++, parents));
            }
        }

        if (columns > 1 && count > 0)
        {
            rows.Add(Create(type, Enumerable.Repeat(owner, columns).ToArray(), index, parents));
        }

        // One real-time state per user (its unique key).
        return type.Key == "real-time-state" ? rows.Take(1).ToList() : rows;
    }

    /// <summary>Writes rows of one type fast, with <see cref="FastWrites"/>, inside the context's current transaction.</summary>
    public static Task WriteAsync(UserAdminDbContext db, TransferableDataType type, IEnumerable<object> rows)
    {
        var typed = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(type.EntityType))!;
        foreach (var row in rows)
        {
            typed.Add(row);
        }

        return (Task)typeof(FastWrites).GetMethod(nameof(FastWrites.InsertAsync))!
            .MakeGenericMethod(type.EntityType)
            .Invoke(null, [db, typed, CancellationToken.None])!;
    }

    /// <summary>One row whose user columns name <paramref name="users"/>, in catalogue column order.</summary>
    public static object Create(TransferableDataType type, int[] users, int index, SampleParents parents) => type.Key switch
    {
        "login-states" => new LoginState { UserId = users[0], LoggedInAt = At + Duration.FromHours(index), Workstation = $"WS-{index}" },
        "recording-api-commands" => new RecordingApiCommand { AgentUserId = users[0], Command = "Start recording", Client = "CRM connector", ReceivedAt = At + Duration.FromMinutes(index) },
        "contact-call-records" => new ContactCallRecord { AgentUserId = users[0], StartedAt = At + Duration.FromHours(index), DurationSeconds = 60 + index, Direction = "Inbound" },
        "evaluations" => new Evaluation { EvaluatorUserId = users[0], ApproverUserId = users[1], FormName = "Customer Service", ScorePercent = 80, EvaluatedAt = At },
        "evaluation-comments" => new EvaluationComment { EvaluationId = parents.EvaluationId, AuthorUserId = users[0], Text = $"Comment {index}", WrittenAt = At },
        "contact-goals" => new ContactGoal { AgentUserId = users[0], AssignedByUserId = users[1], Name = $"Goal {index}", TargetContacts = 20, StartsOn = FirstDay, EndsOn = FirstDay.PlusDays(30) },
        "contact-goal-progress" => new ContactGoalProgress { ContactGoalId = parents.ContactGoalId, AgentUserId = users[0], Day = FirstDay.PlusDays(index), ContactsDone = index % 5 },
        "storage-files" => new StorageFile { OwnerUserId = users[0], Path = $"recordings/{index}.wav", SizeBytes = 1000 + index, RecordedAt = At },
        "archive-audit" => new ArchiveAudit { UserId = users[0], Action = "Archived contact", ContactReference = $"C-{index}", OccurredAt = At + Duration.FromMinutes(index) },
        "audit-events" => new AuditEvent { UserId = users[0], Action = "Played recording", OccurredAt = At + Duration.FromHours(index) },
        "messaging-requests" => new MessagingRequest { RequesterUserId = users[0], Subject = "Time off request", Status = "Pending", RequestedAt = At },
        "messaging-request-comments" => new MessagingRequestComment { MessagingRequestId = parents.MessagingRequestId, AuthorUserId = users[0], Text = $"Comment {index}", WrittenAt = At },
        "server-requests" => new ServerRequest { RequestedByUserId = users[0], Kind = "Forecast", Status = "Completed", RequestedAt = At + Duration.FromMinutes(index) },
        "alerts" => new Alert { UserId = users[0], Kind = "Late login", RaisedAt = At + Duration.FromHours(index) },
        "views" => new WfmView { OwnerUserId = users[0], Name = "My schedule", Screen = "Schedule editor", Definition = $"{{\"days\":{index}}}" },
        "workflow-conditions" => new WorkflowCondition { OwnerUserId = users[0], NotifyUserId = users[1], Name = "Late for shift", Condition = $"Not logged in {index} minutes after shift start" },
        "vacation-hours" => new VacationHours { UserId = users[0], Year = 2020 + index, AccruedHours = 80.5m, UsedHours = 12m },
        "skill-mappings" => new SkillMapping { UserId = users[0], SkillName = $"Skill {index}", Priority = index + 1 },
        "assigned-exceptions" => new ExceptionAssignment { UserId = users[0], Day = FirstDay.PlusDays(index), StartMinute = 600, EndMinute = 660, ExceptionName = "Team meeting" },
        "agent-schedules" => new AgentSchedule { UserId = users[0], Day = FirstDay.PlusDays(index), StartMinute = 480, EndMinute = 960, ShiftName = "Day" },
        "projects" => new ProjectAssignment { UserId = users[0], ProjectName = $"Project {index}", HoursPerWeek = 4.5m, StartsOn = FirstDay },
        "work-shifts" => new WorkShift { UserId = users[0], Weekday = 1 + index, Name = "Weekday", StartMinute = 480, EndMinute = 960 },
        "productivity-intervals" => Figures(new IntervalProductivity { UserId = users[0], IntervalStart = At + Duration.FromMinutes(15 * index) }, index),
        "productivity-days" => Figures(new DailyProductivity { UserId = users[0], Day = FirstDay.PlusDays(index) }, index),
        "productivity-weeks" => Figures(new WeeklyProductivity { UserId = users[0], WeekStart = FirstDay.PlusWeeks(index) }, index),
        "productivity-months" => Figures(new MonthlyProductivity { UserId = users[0], Year = 2000 + (index / 12), Month = 1 + (index % 12) }, index),
        "productivity-years" => Figures(new YearlyProductivity { UserId = users[0], Year = 2000 + index }, index),
        "offline-activity-hours" => new OfflineActivityHours { UserId = users[0], Day = FirstDay.PlusDays(index), Activity = "Email", Hours = 1.5m },
        "group-day-allocations" => new GroupDayAllocation { UserId = users[0], Day = FirstDay.PlusDays(index), GroupName = "Inbound", AllocatedMinutes = 480 },
        "historical-activities" => new HistoricalActivity { UserId = users[0], IntervalStart = At + Duration.FromMinutes(15 * index), Activity = "On call", Seconds = 900 },
        "work-hours" => new WorkHours { UserId = users[0], WeekStart = FirstDay.PlusWeeks(index), ContractedHours = 40m, WorkedHours = 38.5m },
        "real-time-state" => new RealTimeState { UserId = users[0], State = "Available", Since = At },
        _ => throw new InvalidOperationException($"Add a sample row for the new data type '{type.Key}' to {nameof(SampleRows)}."),
    };

    private static T Figures<T>(T row, int index)
        where T : ProductivityData
    {
        row.HandledContacts = 4 + index;
        row.HandleSeconds = 720;
        row.ProductiveSeconds = 800;
        row.ScheduledSeconds = 900;
        return row;
    }
}

/// <summary>The bystander's rows that sample child rows (comments, goal progress) belong to.</summary>
internal sealed record SampleParents(long EvaluationId, long ContactGoalId, long MessagingRequestId);
