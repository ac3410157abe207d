using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>
/// Classic WFM: a user's contracted and worked hours in the week starting on <see cref="WeekStart"/>
/// (a Monday). One per user and week (a unique key), so a transfer overwrites the target's work hours.
/// </summary>
public class WorkHours
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public LocalDate WeekStart { get; set; }
    public decimal ContractedHours { get; set; }
    public decimal WorkedHours { get; set; }
}
