using Microsoft.EntityFrameworkCore;
using NodaTime;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.DemoData;

/// <summary>
/// Gives every demo user deterministic rows of every transferable data type (DESIGN 2.3), so that
/// transfers have something to move: 30 days of schedules, logins, contacts with recordings,
/// evaluations (approved by another user) with comments, audit events, requests, alerts, state
/// and vacation hours. Skill mappings come with the users.
/// </summary>
internal sealed class DemoTransferableData
{
    public const int ScheduleDays = 30;

    private static readonly string[] Shifts = ["Early", "Day", "Late"];
    private static readonly string[] Forms = ["Customer Service", "Sales Quality", "Compliance"];
    private static readonly string[] AuditActions = ["Played recording", "Exported contact", "Changed evaluation", "Signed in", "Viewed report"];
    private static readonly string[] Subjects = ["Time off request", "Shift swap", "Overtime request"];
    private static readonly string[] Statuses = ["Pending", "Approved", "Denied"];
    private static readonly string[] AlertKinds = ["Out of adherence", "Late login", "Missed break"];
    private static readonly string[] States = ["Available", "On call", "After call work", "Break", "Logged out"];

    private readonly List<LoginState> _loginStates = [];
    private readonly List<ContactCallRecord> _contacts = [];
    private readonly List<StorageFile> _storageFiles = [];
    private readonly List<Evaluation> _evaluations = [];
    private readonly List<AuditEvent> _auditEvents = [];
    private readonly List<MessagingRequest> _requests = [];
    private readonly List<Alert> _alerts = [];
    private readonly List<AgentSchedule> _schedules = [];
    private readonly List<RealTimeState> _states = [];
    private readonly List<VacationHours> _vacationHours = [];

    public DemoTransferableData(IReadOnlyList<User> users, LocalDate today, Instant now, Random random)
    {
        var userIds = users.Select(u => u.Id).ToArray();
        var firstDay = today.PlusDays(-ScheduleDays / 2);
        foreach (var userId in userIds)
        {
            AddQm(userId, OtherThan(userId, userIds, random), now, random);
            AddClassicWfm(userId, firstDay, today.Year, now, random);
        }
    }

    /// <summary>Writes every row in one transaction with the fast write path: 200 users' rows in well under a second.</summary>
    public Task WriteAsync(UserAdminDbContext db, CancellationToken cancellationToken) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                await FastWrites.InsertAsync(db, _evaluations, cancellationToken).ConfigureAwait(false);
                await FastWrites.InsertAsync(db, await CommentsAsync(db, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
                await FastWrites.InsertAsync(db, _loginStates, cancellationToken).ConfigureAwait(false);
                await FastWrites.InsertAsync(db, _contacts, cancellationToken).ConfigureAwait(false);
                await FastWrites.InsertAsync(db, _storageFiles, cancellationToken).ConfigureAwait(false);
                await FastWrites.InsertAsync(db, _auditEvents, cancellationToken).ConfigureAwait(false);
                await FastWrites.InsertAsync(db, _requests, cancellationToken).ConfigureAwait(false);
                await FastWrites.InsertAsync(db, _alerts, cancellationToken).ConfigureAwait(false);
                await FastWrites.InsertAsync(db, _schedules, cancellationToken).ConfigureAwait(false);
                await FastWrites.InsertAsync(db, _states, cancellationToken).ConfigureAwait(false);
                await FastWrites.InsertAsync(db, _vacationHours, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        });

    // Prepared inserts read no keys back; identity columns number new rows in insertion order, so the
    // newest evaluations, oldest first, are the ones just written.
    private async Task<List<EvaluationComment>> CommentsAsync(UserAdminDbContext db, CancellationToken cancellationToken)
    {
        var ids = await db.Evaluations.OrderByDescending(e => e.Id).Select(e => e.Id).Take(_evaluations.Count)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        ids.Reverse();
        return _evaluations.Zip(ids).SelectMany(pair => pair.First.Comments.Select(comment =>
        {
            comment.EvaluationId = pair.Second;
            return comment;
        })).ToList();
    }

    private void AddQm(int userId, int approverId, Instant now, Random random)
    {
        for (var day = 1; day <= 10; day++)
        {
            var loggedIn = now - Duration.FromDays(day) - Duration.FromMinutes(random.Next(0, 120));
            _loginStates.Add(new LoginState { UserId = userId, LoggedInAt = loggedIn, LoggedOutAt = loggedIn + Duration.FromHours(8), Workstation = $"WS-{random.Next(1, 300):D3}" });
        }

        for (var call = 0; call < 8; call++)
        {
            var started = now - Duration.FromMinutes(random.Next(60, 60 * 24 * 30));
            _contacts.Add(new ContactCallRecord
            {
                AgentUserId = userId,
                StartedAt = started,
                DurationSeconds = random.Next(30, 1800),
                Direction = random.Next(3) == 0 ? "Outbound" : "Inbound",
                CallerNumber = $"+1 555 01{random.Next(100):D2}",
            });
            if (call % 2 == 0)
            {
                _storageFiles.Add(new StorageFile { OwnerUserId = userId, Path = $"recordings/{userId}/{started.ToUnixTimeSeconds()}.wav", SizeBytes = random.Next(100_000, 20_000_000), RecordedAt = started });
            }
        }

        for (var form = 0; form < 2; form++)
        {
            var evaluated = now - Duration.FromDays(random.Next(1, 30));
            var evaluation = new Evaluation { EvaluatorUserId = userId, ApproverUserId = approverId, FormName = Pick(random, Forms), ScorePercent = random.Next(55, 101), EvaluatedAt = evaluated };
            evaluation.Comments.Add(new EvaluationComment { AuthorUserId = userId, Text = "Clear greeting; confirm the caller's account before offering options.", WrittenAt = evaluated });
            _evaluations.Add(evaluation);
        }

        for (var audit = 0; audit < 5; audit++)
        {
            _auditEvents.Add(new AuditEvent { UserId = userId, Action = Pick(random, AuditActions), OccurredAt = now - Duration.FromMinutes(random.Next(1, 60 * 24 * 60)) });
        }
    }

    private void AddClassicWfm(int userId, LocalDate firstDay, int year, Instant now, Random random)
    {
        for (var request = 0; request < 2; request++)
        {
            _requests.Add(new MessagingRequest { RequesterUserId = userId, Subject = Pick(random, Subjects), Status = Pick(random, Statuses), RequestedAt = now - Duration.FromDays(random.Next(1, 60)) });
        }

        for (var alert = 0; alert < 3; alert++)
        {
            _alerts.Add(new Alert { UserId = userId, Kind = Pick(random, AlertKinds), RaisedAt = now - Duration.FromMinutes(random.Next(1, 60 * 24 * 14)), Acknowledged = random.Next(2) == 0 });
        }

        var shift = random.Next(Shifts.Length);
        for (var day = 0; day < ScheduleDays; day++)
        {
            var start = (6 + (shift * 4)) * 60;
            _schedules.Add(new AgentSchedule { UserId = userId, Day = firstDay.PlusDays(day), StartMinute = start, EndMinute = start + (8 * 60), ShiftName = Shifts[shift] });
        }

        _states.Add(new RealTimeState { UserId = userId, State = Pick(random, States), Since = now - Duration.FromMinutes(random.Next(1, 240)) });
        for (var back = 0; back < 2; back++)
        {
            var accrued = random.Next(40, 200) / 2m;
            _vacationHours.Add(new VacationHours { UserId = userId, Year = year - back, AccruedHours = accrued, UsedHours = Math.Min(accrued, random.Next(0, 120) / 2m) });
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
