using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Users;
using static UserAdmin.Core.Transfers.TransferMode;
using static UserAdmin.Core.Transfers.TransferModule;

namespace UserAdmin.Core.Transfers;

/// <summary>
/// R-TRF-1: every data type a user data transfer moves, in one list that the engine, the pages and
/// the tests read. Adding a type is adding its entity (with a configuration and a migration) and
/// one line here. Modes follow the product documentation (DESIGN 2.3): a type is overwritten where
/// a unique key on the user makes combining impossible.
/// </summary>
public static class TransferCatalogue
{
    public static IReadOnlyList<TransferableDataType> All { get; } =
    [
        new DataType<LoginState>("login-states", "Login states", Qm, Combine, s => s.UserId),
        new DataType<ContactCallRecord>("contact-call-records", "Contact call records (CCRs)", Qm, Combine, c => c.AgentUserId),
        new DataType<Evaluation>("evaluations", "Evaluations (as evaluator and as approver)", Qm, Combine, e => e.EvaluatorUserId, e => e.ApproverUserId),
        new DataType<EvaluationComment>("evaluation-comments", "Evaluation comments", Qm, Combine, c => c.AuthorUserId),
        new DataType<StorageFile>("storage-files", "Storage files (recordings)", Qm, Combine, f => f.OwnerUserId),
        new DataType<AuditEvent>("audit-events", "Audit events", Qm, Combine, a => a.UserId),
        new DataType<MessagingRequest>("messaging-requests", "Messaging requests", ClassicWfm, Combine, m => m.RequesterUserId),
        new DataType<Alert>("alerts", "Alerts", ClassicWfm, Combine, a => a.UserId),
        new DataType<AgentSchedule>("agent-schedules", "Agent schedules (one per user per day)", ClassicWfm, Overwrite, s => s.UserId),
        new DataType<RealTimeState>("real-time-state", "Real-time state (one per user)", ClassicWfm, Overwrite, s => s.UserId),
        new DataType<VacationHours>("vacation-hours", "Accumulated vacation hours", ClassicWfm, Overwrite, v => v.UserId),
        new DataType<SkillMapping>("skill-mappings", "Skill mappings", ClassicWfm, Overwrite, s => s.UserId),
    ];

    /// <summary>The type with this key, or null (e.g. a key in old history that was since removed).</summary>
    public static TransferableDataType? Find(string key) =>
        All.FirstOrDefault(type => string.Equals(type.Key, key, StringComparison.Ordinal));
}
