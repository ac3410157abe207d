using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Persistence.Configurations;

// Classic WFM data that is overwritten on transfer (DESIGN 2.3): each has a unique key that starts
// with its user column (one per user per day, per interval, per week, ...). That key is why the
// target's rows are deleted before the source's are re-pointed, and it indexes the user column.

internal sealed class VacationHoursConfiguration : IEntityTypeConfiguration<VacationHours>
{
    public void Configure(EntityTypeBuilder<VacationHours> builder)
    {
        builder.Property(v => v.AccruedHours).HasPrecision(7, 2);
        builder.Property(v => v.UsedHours).HasPrecision(7, 2);
        builder.HasIndex(v => new { v.UserId, v.Year }).IsUnique();
        builder.HasUserColumn(v => v.UserId);
    }
}

internal sealed class ExceptionAssignmentConfiguration : IEntityTypeConfiguration<ExceptionAssignment>
{
    public void Configure(EntityTypeBuilder<ExceptionAssignment> builder)
    {
        builder.Property(e => e.ExceptionName).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasIndex(e => new { e.UserId, e.Day, e.StartMinute }).IsUnique();
        builder.HasUserColumn(e => e.UserId);
    }
}

internal sealed class AgentScheduleConfiguration : IEntityTypeConfiguration<AgentSchedule>
{
    public void Configure(EntityTypeBuilder<AgentSchedule> builder)
    {
        builder.Property(s => s.ShiftName).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasIndex(s => new { s.UserId, s.Day }).IsUnique();
        builder.HasUserColumn(s => s.UserId);
    }
}

internal sealed class ProjectAssignmentConfiguration : IEntityTypeConfiguration<ProjectAssignment>
{
    public void Configure(EntityTypeBuilder<ProjectAssignment> builder)
    {
        builder.Property(p => p.ProjectName).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(p => p.HoursPerWeek).HasPrecision(5, 2);
        builder.HasIndex(p => new { p.UserId, p.ProjectName }).IsUnique();
        builder.HasUserColumn(p => p.UserId);
    }
}

internal sealed class WorkShiftConfiguration : IEntityTypeConfiguration<WorkShift>
{
    public void Configure(EntityTypeBuilder<WorkShift> builder)
    {
        builder.Property(s => s.Name).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasIndex(s => new { s.UserId, s.Weekday }).IsUnique();
        builder.HasUserColumn(s => s.UserId);
    }
}

internal sealed class IntervalProductivityConfiguration : IEntityTypeConfiguration<IntervalProductivity>
{
    public void Configure(EntityTypeBuilder<IntervalProductivity> builder)
    {
        builder.HasIndex(p => new { p.UserId, p.IntervalStart }).IsUnique();
        builder.HasUserColumn(p => p.UserId);
    }
}

internal sealed class DailyProductivityConfiguration : IEntityTypeConfiguration<DailyProductivity>
{
    public void Configure(EntityTypeBuilder<DailyProductivity> builder)
    {
        builder.HasIndex(p => new { p.UserId, p.Day }).IsUnique();
        builder.HasUserColumn(p => p.UserId);
    }
}

internal sealed class WeeklyProductivityConfiguration : IEntityTypeConfiguration<WeeklyProductivity>
{
    public void Configure(EntityTypeBuilder<WeeklyProductivity> builder)
    {
        builder.HasIndex(p => new { p.UserId, p.WeekStart }).IsUnique();
        builder.HasUserColumn(p => p.UserId);
    }
}

internal sealed class MonthlyProductivityConfiguration : IEntityTypeConfiguration<MonthlyProductivity>
{
    public void Configure(EntityTypeBuilder<MonthlyProductivity> builder)
    {
        builder.HasIndex(p => new { p.UserId, p.Year, p.Month }).IsUnique();
        builder.HasUserColumn(p => p.UserId);
    }
}

internal sealed class YearlyProductivityConfiguration : IEntityTypeConfiguration<YearlyProductivity>
{
    public void Configure(EntityTypeBuilder<YearlyProductivity> builder)
    {
        builder.HasIndex(p => new { p.UserId, p.Year }).IsUnique();
        builder.HasUserColumn(p => p.UserId);
    }
}

internal sealed class OfflineActivityHoursConfiguration : IEntityTypeConfiguration<OfflineActivityHours>
{
    public void Configure(EntityTypeBuilder<OfflineActivityHours> builder)
    {
        builder.Property(o => o.Activity).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(o => o.Hours).HasPrecision(5, 2);
        builder.HasIndex(o => new { o.UserId, o.Day, o.Activity }).IsUnique();
        builder.HasUserColumn(o => o.UserId);
    }
}

internal sealed class GroupDayAllocationConfiguration : IEntityTypeConfiguration<GroupDayAllocation>
{
    public void Configure(EntityTypeBuilder<GroupDayAllocation> builder)
    {
        builder.Property(g => g.GroupName).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasIndex(g => new { g.UserId, g.Day }).IsUnique();
        builder.HasUserColumn(g => g.UserId);
    }
}

internal sealed class HistoricalActivityConfiguration : IEntityTypeConfiguration<HistoricalActivity>
{
    public void Configure(EntityTypeBuilder<HistoricalActivity> builder)
    {
        builder.Property(h => h.Activity).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasIndex(h => new { h.UserId, h.IntervalStart }).IsUnique();
        builder.HasUserColumn(h => h.UserId);
    }
}

internal sealed class WorkHoursConfiguration : IEntityTypeConfiguration<WorkHours>
{
    public void Configure(EntityTypeBuilder<WorkHours> builder)
    {
        builder.Property(w => w.ContractedHours).HasPrecision(5, 2);
        builder.Property(w => w.WorkedHours).HasPrecision(5, 2);
        builder.HasIndex(w => new { w.UserId, w.WeekStart }).IsUnique();
        builder.HasUserColumn(w => w.UserId);
    }
}

internal sealed class RealTimeStateConfiguration : IEntityTypeConfiguration<RealTimeState>
{
    public void Configure(EntityTypeBuilder<RealTimeState> builder)
    {
        builder.Property(s => s.State).HasMaxLength(50).IsRequired();
        builder.HasIndex(s => s.UserId).IsUnique();
        builder.HasUserColumn(s => s.UserId);
    }
}
