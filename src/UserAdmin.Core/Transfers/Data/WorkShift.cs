namespace UserAdmin.Core.Transfers.Data;

/// <summary>
/// Classic WFM: the work shift a user works on one weekday (1 = Monday … 7 = Sunday, ISO). One per
/// user and weekday (a unique key), so a transfer overwrites the target's work shifts.
/// </summary>
public class WorkShift
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public int Weekday { get; set; }
    public string Name { get; set; } = "";
    public int StartMinute { get; set; }
    public int EndMinute { get; set; }
}
