using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>
/// Classic WFM: an agent's schedule for one day. One per user and day (a unique key), so a transfer
/// overwrites the target's schedules instead of combining them (DESIGN 2.3).
/// </summary>
public class AgentSchedule
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public LocalDate Day { get; set; }
    public int StartMinute { get; set; }
    public int EndMinute { get; set; }
    public string ShiftName { get; set; } = "";
}
