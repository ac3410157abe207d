using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>
/// Classic WFM: an exception (meeting, training, coaching) assigned to an agent's schedule. One per
/// user, day and start minute (a unique key), so a transfer overwrites the target's exceptions.
/// </summary>
public class ExceptionAssignment
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public LocalDate Day { get; set; }
    public int StartMinute { get; set; }
    public int EndMinute { get; set; }
    public string ExceptionName { get; set; } = "";
}
