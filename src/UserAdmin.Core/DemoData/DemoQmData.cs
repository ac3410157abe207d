using NodaTime;
using UserAdmin.Core.Persistence;
using UserAdmin.Core.Transfers.Data;

namespace UserAdmin.Core.DemoData;

/// <summary>
/// The QM part of the demo data: logins, recording API commands, contacts with recordings,
/// evaluations (approved by another user) with comments, contact goals (assigned by another user)
/// with their daily progress, archive audit and audit events.
/// </summary>
internal sealed class DemoQmData
{
    private static readonly string[] Forms = ["Customer Service", "Sales Quality", "Compliance"];
    private static readonly string[] AuditActions = ["Played recording", "Exported contact", "Changed evaluation", "Signed in", "Viewed report"];
    private static readonly string[] Commands = ["Start recording", "Stop recording", "Pause recording", "Resume recording", "Tag contact"];
    private static readonly string[] ApiClients = ["CRM connector", "Desktop agent", "Compliance pause service"];
    private static readonly string[] Goals = ["Evaluated contacts", "First-call resolution", "Coached contacts"];
    private static readonly string[] ArchiveActions = ["Archived contact", "Restored contact", "Exported archive"];
    private const int GoalDays = 5;

    private readonly List<LoginState> _loginStates = [];
    private readonly List<RecordingApiCommand> _commands = [];
    private readonly List<ContactCallRecord> _contacts = [];
    private readonly List<StorageFile> _storageFiles = [];
    private readonly List<Evaluation> _evaluations = [];
    private readonly List<ContactGoal> _goals = [];
    private readonly List<ArchiveAudit> _archiveAudit = [];
    private readonly List<AuditEvent> _auditEvents = [];

    public void Add(int userId, int approverId, Instant now, Random random)
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
            var evaluation = new Evaluation { EvaluatorUserId = userId, ApproverUserId = approverId, FormName = random.Pick(Forms), ScorePercent = random.Next(55, 101), EvaluatedAt = evaluated };
            evaluation.Comments.Add(new EvaluationComment { AuthorUserId = userId, Text = "Clear greeting; confirm the caller's account before offering options.", WrittenAt = evaluated });
            _evaluations.Add(evaluation);
        }

        for (var audit = 0; audit < 5; audit++)
        {
            _auditEvents.Add(new AuditEvent { UserId = userId, Action = random.Pick(AuditActions), OccurredAt = now - Duration.FromMinutes(random.Next(1, 60 * 24 * 60)) });
        }
    }

    /// <summary>The QM types added to the catalogue after the first twelve.</summary>
    public void AddMore(int userId, int supervisorId, LocalDate today, Instant now, Random random)
    {
        for (var command = 0; command < 6; command++)
        {
            _commands.Add(new RecordingApiCommand { AgentUserId = userId, Command = random.Pick(Commands), Client = random.Pick(ApiClients), ReceivedAt = now - Duration.FromMinutes(random.Next(10, 60 * 24 * 14)) });
        }

        var target = random.Next(4, 12) * GoalDays;
        var goal = new ContactGoal { AgentUserId = userId, AssignedByUserId = supervisorId, Name = random.Pick(Goals), TargetContacts = target, StartsOn = today.PlusDays(-GoalDays), EndsOn = today.PlusDays(25) };
        for (var day = 0; day < GoalDays; day++)
        {
            goal.Progress.Add(new ContactGoalProgress { AgentUserId = userId, Day = goal.StartsOn.PlusDays(day), ContactsDone = random.Next(0, 2 * target / 30 + 2) });
        }

        _goals.Add(goal);
        for (var entry = 0; entry < 2; entry++)
        {
            _archiveAudit.Add(new ArchiveAudit { UserId = userId, Action = random.Pick(ArchiveActions), ContactReference = $"C-{random.Next(100_000, 999_999)}", OccurredAt = now - Duration.FromDays(random.Next(1, 90)) });
        }
    }

    public async Task WriteAsync(UserAdminDbContext db, CancellationToken cancellationToken)
    {
        await FastWrites.InsertAsync(db, _evaluations, cancellationToken).ConfigureAwait(false);
        var comments = await DemoChildren.OfWrittenAsync(db, _evaluations, e => e.Comments, (c, id) => c.EvaluationId = id, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, comments, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _goals, cancellationToken).ConfigureAwait(false);
        var progress = await DemoChildren.OfWrittenAsync(db, _goals, g => g.Progress, (p, id) => p.ContactGoalId = id, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, progress, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _loginStates, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _commands, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _contacts, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _storageFiles, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _archiveAudit, cancellationToken).ConfigureAwait(false);
        await FastWrites.InsertAsync(db, _auditEvents, cancellationToken).ConfigureAwait(false);
    }
}
