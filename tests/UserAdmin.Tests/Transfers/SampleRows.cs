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
    public static List<object> For(TransferableDataType type, int owner, int other, int count, long parentEvaluationId)
    {
        var columns = type.UserColumns.Count;
        var rows = new List<object>();
        var index = 0;
        for (var column = 0; column < columns; column++)
        {
            for (var i = 0; i < count; i++)
            {
                var users = Enumerable.Range(0, columns).Select(c => c == column ? owner : other).ToArray();
                rows.Add(Create(type, users, index++, parentEvaluationId));
            }
        }

        if (columns > 1 && count > 0)
        {
            rows.Add(Create(type, Enumerable.Repeat(owner, columns).ToArray(), index, parentEvaluationId));
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
    public static object Create(TransferableDataType type, int[] users, int index, long parentEvaluationId) => type.Key switch
    {
        "login-states" => new LoginState { UserId = users[0], LoggedInAt = At + Duration.FromHours(index), Workstation = $"WS-{index}" },
        "contact-call-records" => new ContactCallRecord { AgentUserId = users[0], StartedAt = At + Duration.FromHours(index), DurationSeconds = 60 + index, Direction = "Inbound" },
        "evaluations" => new Evaluation { EvaluatorUserId = users[0], ApproverUserId = users[1], FormName = "Customer Service", ScorePercent = 80, EvaluatedAt = At },
        "evaluation-comments" => new EvaluationComment { EvaluationId = parentEvaluationId, AuthorUserId = users[0], Text = $"Comment {index}", WrittenAt = At },
        "storage-files" => new StorageFile { OwnerUserId = users[0], Path = $"recordings/{index}.wav", SizeBytes = 1000 + index, RecordedAt = At },
        "audit-events" => new AuditEvent { UserId = users[0], Action = "Played recording", OccurredAt = At + Duration.FromHours(index) },
        "messaging-requests" => new MessagingRequest { RequesterUserId = users[0], Subject = "Time off request", Status = "Pending", RequestedAt = At },
        "alerts" => new Alert { UserId = users[0], Kind = "Late login", RaisedAt = At + Duration.FromHours(index) },
        "agent-schedules" => new AgentSchedule { UserId = users[0], Day = FirstDay.PlusDays(index), StartMinute = 480, EndMinute = 960, ShiftName = "Day" },
        "real-time-state" => new RealTimeState { UserId = users[0], State = "Available", Since = At },
        "vacation-hours" => new VacationHours { UserId = users[0], Year = 2020 + index, AccruedHours = 80.5m, UsedHours = 12m },
        "skill-mappings" => new SkillMapping { UserId = users[0], SkillName = $"Skill {index}", Priority = index + 1 },
        _ => throw new InvalidOperationException($"Add a sample row for the new data type '{type.Key}' to {nameof(SampleRows)}."),
    };
}
