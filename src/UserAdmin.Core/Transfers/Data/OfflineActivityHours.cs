using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>
/// Classic WFM: hours a user spent on an offline activity (email, back office, training) on one day.
/// One per user, day and activity (a unique key), so a transfer overwrites the target's hours.
/// </summary>
public class OfflineActivityHours
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public LocalDate Day { get; set; }
    public string Activity { get; set; } = "";
    public decimal Hours { get; set; }
}
