using NodaTime;

namespace UserAdmin.Core.Transfers.Data;

/// <summary>
/// Classic WFM: an agent's productivity figures for one period. The product keeps one table per
/// period length, each with one row per user and period (a unique key), so each is its own
/// catalogue entry and a transfer overwrites the target's rows. The base class is not mapped: every
/// period is a table of its own.
/// </summary>
public abstract class ProductivityData
{
    public long Id { get; set; }
    public int UserId { get; set; }
    public int HandledContacts { get; set; }
    public int HandleSeconds { get; set; }
    public int ProductiveSeconds { get; set; }
    public int ScheduledSeconds { get; set; }
}

/// <summary>Productivity of one 15-minute interval, starting at <see cref="IntervalStart"/>.</summary>
public class IntervalProductivity : ProductivityData
{
    public Instant IntervalStart { get; set; }
}

public class DailyProductivity : ProductivityData
{
    public LocalDate Day { get; set; }
}

/// <summary>Productivity of the week starting on <see cref="WeekStart"/> (a Monday).</summary>
public class WeeklyProductivity : ProductivityData
{
    public LocalDate WeekStart { get; set; }
}

public class MonthlyProductivity : ProductivityData
{
    public int Year { get; set; }
    public int Month { get; set; }
}

public class YearlyProductivity : ProductivityData
{
    public int Year { get; set; }
}
