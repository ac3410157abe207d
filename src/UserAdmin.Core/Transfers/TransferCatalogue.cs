using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Users;
using static UserAdmin.Core.Transfers.TransferMode;
using static UserAdmin.Core.Transfers.TransferModule;

namespace UserAdmin.Core.Transfers;

/// <summary>
/// R-TRF-1: every data type a user data transfer moves, in one list that the engine, the pages and
/// the tests read. Adding a type is adding its entity (with a configuration and a migration) and
/// one line here. Modes follow the product documentation (DESIGN 2.3): a type is overwritten where
/// a unique key on the user makes combining impossible, and its entry says that key in words.
/// </summary>
public static class TransferCatalogue
{
    public static IReadOnlyList<TransferableDataType> All { get; } =
    [
        // QM: all combined.
        new DataType<LoginState>("login-states", "Login states", Qm, Combine, s => s.UserId),
        new DataType<RecordingApiCommand>("recording-api-commands", "Recording API commands", Qm, Combine, c => c.AgentUserId),
        new DataType<ContactCallRecord>("contact-call-records", "Contact call records (CCRs)", Qm, Combine, c => c.AgentUserId),
        new DataType<Evaluation>("evaluations", "Evaluations (as evaluator and as approver)", Qm, Combine, e => e.EvaluatorUserId, e => e.ApproverUserId),
        new DataType<EvaluationComment>("evaluation-comments", "Evaluation comments", Qm, Combine, c => c.AuthorUserId),
        new DataType<ContactGoal>("contact-goals", "Contact goals (as agent and as the one who assigned them)", Qm, Combine, g => g.AgentUserId, g => g.AssignedByUserId),
        new DataType<ContactGoalProgress>("contact-goal-progress", "Contact goal progress", Qm, Combine, p => p.AgentUserId),
        new DataType<StorageFile>("storage-files", "Storage files (recordings)", Qm, Combine, f => f.OwnerUserId),
        new DataType<ArchiveAudit>("archive-audit", "Archive audit", Qm, Combine, a => a.UserId),
        new DataType<AuditEvent>("audit-events", "Audit events", Qm, Combine, a => a.UserId),

        // Classic WFM, combined.
        new DataType<MessagingRequest>("messaging-requests", "Messaging requests", ClassicWfm, Combine, m => m.RequesterUserId),
        new DataType<MessagingRequestComment>("messaging-request-comments", "Messaging request comments", ClassicWfm, Combine, c => c.AuthorUserId),
        new DataType<ServerRequest>("server-requests", "Server requests", ClassicWfm, Combine, r => r.RequestedByUserId),
        new DataType<Alert>("alerts", "Alerts", ClassicWfm, Combine, a => a.UserId),
        new DataType<WfmView>("views", "Views", ClassicWfm, Combine, v => v.OwnerUserId),
        new DataType<WorkflowCondition>("workflow-conditions", "Workflow conditions (as owner and as the user notified)", ClassicWfm, Combine, w => w.OwnerUserId, w => w.NotifyUserId),

        // Classic WFM, overwritten: each has a unique key on its user column.
        new DataType<VacationHours>("vacation-hours", "Accumulated vacation hours", ClassicWfm, Overwrite, v => v.UserId) { UniqueKey = "one per user per year" },
        new DataType<SkillMapping>("skill-mappings", "Skill mappings", ClassicWfm, Overwrite, s => s.UserId) { UniqueKey = "one per user per skill" },
        new DataType<ExceptionAssignment>("assigned-exceptions", "Assigned exceptions", ClassicWfm, Overwrite, e => e.UserId) { UniqueKey = "one per user per day and start time" },
        new DataType<AgentSchedule>("agent-schedules", "Agent schedules", ClassicWfm, Overwrite, s => s.UserId) { UniqueKey = "one per user per day" },
        new DataType<ProjectAssignment>("projects", "Projects", ClassicWfm, Overwrite, p => p.UserId) { UniqueKey = "one per user per project" },
        new DataType<WorkShift>("work-shifts", "Work shifts", ClassicWfm, Overwrite, s => s.UserId) { UniqueKey = "one per user per weekday" },
        new DataType<IntervalProductivity>("productivity-intervals", "Productivity data per interval", ClassicWfm, Overwrite, p => p.UserId) { UniqueKey = "one per user per 15-minute interval" },
        new DataType<DailyProductivity>("productivity-days", "Productivity data per day", ClassicWfm, Overwrite, p => p.UserId) { UniqueKey = "one per user per day" },
        new DataType<WeeklyProductivity>("productivity-weeks", "Productivity data per week", ClassicWfm, Overwrite, p => p.UserId) { UniqueKey = "one per user per week" },
        new DataType<MonthlyProductivity>("productivity-months", "Productivity data per month", ClassicWfm, Overwrite, p => p.UserId) { UniqueKey = "one per user per month" },
        new DataType<YearlyProductivity>("productivity-years", "Productivity data per year", ClassicWfm, Overwrite, p => p.UserId) { UniqueKey = "one per user per year" },
        new DataType<OfflineActivityHours>("offline-activity-hours", "Offline activity hours", ClassicWfm, Overwrite, o => o.UserId) { UniqueKey = "one per user per day and activity" },
        new DataType<GroupDayAllocation>("group-day-allocations", "Group day allocations", ClassicWfm, Overwrite, g => g.UserId) { UniqueKey = "one per user per day" },
        new DataType<HistoricalActivity>("historical-activities", "Historical activities", ClassicWfm, Overwrite, h => h.UserId) { UniqueKey = "one per user per 15-minute interval" },
        new DataType<WorkHours>("work-hours", "Work hours", ClassicWfm, Overwrite, w => w.UserId) { UniqueKey = "one per user per week" },
        new DataType<RealTimeState>("real-time-state", "Real-time state", ClassicWfm, Overwrite, s => s.UserId) { UniqueKey = "one per user" },
    ];

    /// <summary>The type with this key, or null (e.g. a key in old history that was since removed).</summary>
    public static TransferableDataType? Find(string key) =>
        All.FirstOrDefault(type => string.Equals(type.Key, key, StringComparison.Ordinal));
}
