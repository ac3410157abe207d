using NodaTime;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.DemoData;

/// <summary>
/// Gives every demo user deterministic rows of every transferable data type (DESIGN 2.3), so that
/// transfers have something to move: 30 days of schedules, logins, contacts with recordings,
/// evaluations (approved by another user) with comments, audit events, requests, alerts, state
/// and vacation hours. Skill mappings come with the users. Added to the context, not saved.
/// </summary>
internal static class DemoTransferableData
{
    public const int ScheduleDays = 30;

    private static readonly string[] Shifts = ["Early", "Day", "Late"];
    private static readonly string[] Forms = ["Customer Service", "Sales Quality", "Compliance"];
    private static readonly string[] AuditActions = ["Played recording", "Exported contact", "Changed evaluation", "Signed in", "Viewed report"];
    private static readonly string[] Subjects = ["Time off request", "Shift swap", "Overtime request"];
    private static readonly string[] Statuses = ["Pending", "Approved", "Denied"];
    private static readonly string[] AlertKinds = ["Out of adherence", "Late login", "Missed break"];
    private static readonly string[] States = ["Available", "On call", "After call work", "Break", "Logged out"];

    public static void Add(UserAdminDbContext db, IReadOnlyList<User> users, LocalDate today, Instant now, Random random)
    {
        var userIds = users.Select(u => u.Id).ToArray();
        var firstDay = today.PlusDays(-ScheduleDays / 2);
        foreach (var userId in userIds)
        {
            AddQm(db, userId, OtherThan(userId, userIds, random), now, random);
            AddClassicWfm(db, userId, firstDay, today.Year, now, random);
        }
    }

    private static void AddQm(UserAdminDbContext db, int userId, int approverId, Instant now, Random random)
    {
        for (var day = 1; day <= 10; day++)
        {
            var loggedIn = now - Duration.FromDays(day) - Duration.FromMinutes(random.Next(0, 120));
            db.LoginStates.Add(new LoginState { UserId = userId, LoggedInAt = loggedIn, LoggedOutAt = loggedIn + Duration.FromHours(8), Workstation = $"WS-{random.Next(1, 300):D3}" });
        }

        for (var call = 0; call < 8; call++)
        {
            var started = now - Duration.FromMinutes(random.Next(60, 60 * 24 * 30));
            db.ContactCallRecords.Add(new ContactCallRecord
            {
                AgentUserId = userId,
                StartedAt = started,
                DurationSeconds = random.Next(30, 1800),
                Direction = random.Next(3) == 0 ? "Outbound" : "Inbound",
                CallerNumber = $"+1 555 01{random.Next(100):D2}",
            });
            if (call % 2 == 0)
            {
                db.StorageFiles.Add(new StorageFile { OwnerUserId = userId, Path = $"recordings/{userId}/{started.ToUnixTimeSeconds()}.wav", SizeBytes = random.Next(100_000, 20_000_000), RecordedAt = started });
            }
        }

        for (var form = 0; form < 2; form++)
        {
            var evaluated = now - Duration.FromDays(random.Next(1, 30));
            var evaluation = new Evaluation { EvaluatorUserId = userId, ApproverUserId = approverId, FormName = Pick(random, Forms), ScorePercent = random.Next(55, 101), EvaluatedAt = evaluated };
            evaluation.Comments.Add(new EvaluationComment { AuthorUserId = userId, Text = "Clear greeting; confirm the caller's account before offering options.", WrittenAt = evaluated });
            db.Evaluations.Add(evaluation);
        }

        for (var audit = 0; audit < 5; audit++)
        {
            db.AuditEvents.Add(new AuditEvent { UserId = userId, Action = Pick(random, AuditActions), OccurredAt = now - Duration.FromMinutes(random.Next(1, 60 * 24 * 60)) });
        }
    }

    private static void AddClassicWfm(UserAdminDbContext db, int userId, LocalDate firstDay, int year, Instant now, Random random)
    {
        for (var request = 0; request < 2; request++)
        {
            db.MessagingRequests.Add(new MessagingRequest { RequesterUserId = userId, Subject = Pick(random, Subjects), Status = Pick(random, Statuses), RequestedAt = now - Duration.FromDays(random.Next(1, 60)) });
        }

        for (var alert = 0; alert < 3; alert++)
        {
            db.Alerts.Add(new Alert { UserId = userId, Kind = Pick(random, AlertKinds), RaisedAt = now - Duration.FromMinutes(random.Next(1, 60 * 24 * 14)), Acknowledged = random.Next(2) == 0 });
        }

        var shift = random.Next(Shifts.Length);
        for (var day = 0; day < ScheduleDays; day++)
        {
            var start = (6 + (shift * 4)) * 60;
            db.AgentSchedules.Add(new AgentSchedule { UserId = userId, Day = firstDay.PlusDays(day), StartMinute = start, EndMinute = start + (8 * 60), ShiftName = Shifts[shift] });
        }

        db.RealTimeStates.Add(new RealTimeState { UserId = userId, State = Pick(random, States), Since = now - Duration.FromMinutes(random.Next(1, 240)) });
        for (var back = 0; back < 2; back++)
        {
            var accrued = random.Next(40, 200) / 2m;
            db.VacationHours.Add(new VacationHours { UserId = userId, Year = year - back, AccruedHours = accrued, UsedHours = Math.Min(accrued, random.Next(0, 120) / 2m) });
        }
    }

    private static int OtherThan(int userId, int[] userIds, Random random)
    {
        if (userIds.Length == 1)
        {
            return userId;
        }

        var other = userIds[random.Next(userIds.Length - 1)];
        return other == userId ? userIds[^1] : other;
    }

    private static string Pick(Random random, string[] values) => values[random.Next(values.Length)];
}
