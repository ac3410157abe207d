using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Persistence.Configurations;

// Data other modules record against a user (DESIGN 2.3). Every user column is a foreign key to
// Users with Restrict: deleting a user must not silently destroy another module's data, and SQL
// Server refuses several cascade paths to Users (evaluations name two users). Each user column
// is indexed (by the FK convention or as the first column of a unique key): transfers filter on it.

internal sealed class LoginStateConfiguration : IEntityTypeConfiguration<LoginState>
{
    public void Configure(EntityTypeBuilder<LoginState> builder)
    {
        builder.Property(s => s.Workstation).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ContactCallRecordConfiguration : IEntityTypeConfiguration<ContactCallRecord>
{
    public void Configure(EntityTypeBuilder<ContactCallRecord> builder)
    {
        builder.Property(c => c.Direction).HasMaxLength(16).IsRequired();
        builder.Property(c => c.CallerNumber).HasMaxLength(32);
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.AgentUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> builder)
    {
        builder.Property(e => e.FormName).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.EvaluatorUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<User>().WithMany().HasForeignKey(e => e.ApproverUserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Comments).WithOne().HasForeignKey(c => c.EvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvaluationCommentConfiguration : IEntityTypeConfiguration<EvaluationComment>
{
    public void Configure(EntityTypeBuilder<EvaluationComment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(2000).IsRequired();
        builder.HasOne<User>().WithMany().HasForeignKey(c => c.AuthorUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class StorageFileConfiguration : IEntityTypeConfiguration<StorageFile>
{
    public void Configure(EntityTypeBuilder<StorageFile> builder)
    {
        builder.Property(f => f.Path).HasMaxLength(400).IsRequired();
        builder.HasOne<User>().WithMany().HasForeignKey(f => f.OwnerUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(a => a.Action).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(a => a.Detail).HasMaxLength(400);
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MessagingRequestConfiguration : IEntityTypeConfiguration<MessagingRequest>
{
    public void Configure(EntityTypeBuilder<MessagingRequest> builder)
    {
        builder.Property(m => m.Subject).HasMaxLength(FieldLimits.Text).IsRequired();
        builder.Property(m => m.Status).HasMaxLength(32).IsRequired();
        builder.HasOne<User>().WithMany().HasForeignKey(m => m.RequesterUserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.Property(a => a.Kind).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AgentScheduleConfiguration : IEntityTypeConfiguration<AgentSchedule>
{
    public void Configure(EntityTypeBuilder<AgentSchedule> builder)
    {
        builder.Property(s => s.ShiftName).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasIndex(s => new { s.UserId, s.Day }).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class RealTimeStateConfiguration : IEntityTypeConfiguration<RealTimeState>
{
    public void Configure(EntityTypeBuilder<RealTimeState> builder)
    {
        builder.Property(s => s.State).HasMaxLength(50).IsRequired();
        builder.HasIndex(s => s.UserId).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class VacationHoursConfiguration : IEntityTypeConfiguration<VacationHours>
{
    public void Configure(EntityTypeBuilder<VacationHours> builder)
    {
        builder.Property(v => v.AccruedHours).HasPrecision(7, 2);
        builder.Property(v => v.UsedHours).HasPrecision(7, 2);
        builder.HasIndex(v => new { v.UserId, v.Year }).IsUnique();
        builder.HasOne<User>().WithMany().HasForeignKey(v => v.UserId).OnDelete(DeleteBehavior.Restrict);
    }
}
