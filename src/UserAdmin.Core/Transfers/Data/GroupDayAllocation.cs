using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>
/// Classic WFM: the staffing group a user is allocated to on one day. The group is kept by name, as
/// the product's history keeps it after a group is renamed or removed. One per user and day (a
/// unique key), so a transfer overwrites the target's allocations.
/// </summary>
public class GroupDayAllocation
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public LocalDate Day { get; set; }
    public string GroupName { get; set; } = "";
    public int AllocatedMinutes { get; set; }
}
