using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>
/// Classic WFM: what the ACD recorded a user doing in one 15-minute interval. One per user and
/// interval (a unique key), so a transfer overwrites the target's historical activities.
/// </summary>
public class HistoricalActivity
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public Instant IntervalStart { get; set; }
    public string Activity { get; set; } = "";
    public int Seconds { get; set; }
}
