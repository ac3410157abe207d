using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Persistence.Configurations;

// QM data recorded against users (DESIGN 2.3). Every QM type is combined on transfer, so none has a
// unique key on a user column.

internal sealed class LoginStateConfiguration : IEntityTypeConfiguration<LoginState>
{
    public void Configure(EntityTypeBuilder<LoginState> builder)
    {
        builder.Property(s => s.Workstation).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasUserColumn(s => s.UserId);
    }
}

internal sealed class RecordingApiCommandConfiguration : IEntityTypeConfiguration<RecordingApiCommand>
{
    public void Configure(EntityTypeBuilder<RecordingApiCommand> builder)
    {
        builder.Property(c => c.Command).HasMaxLength(32).IsRequired();
        builder.Property(c => c.Client).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasUserColumn(c => c.AgentUserId);
    }
}

internal sealed class ContactCallRecordConfiguration : IEntityTypeConfiguration<ContactCallRecord>
{
    public void Configure(EntityTypeBuilder<ContactCallRecord> builder)
    {
        builder.Property(c => c.Direction).HasMaxLength(16).IsRequired();
        builder.Property(c => c.CallerNumber).HasMaxLength(32);
        builder.HasUserColumn(c => c.AgentUserId);
    }
}

internal sealed class EvaluationConfiguration : IEntityTypeConfiguration<Evaluation>
{
    public void Configure(EntityTypeBuilder<Evaluation> builder)
    {
        builder.Property(e => e.FormName).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasUserColumn(e => e.EvaluatorUserId);
        builder.HasUserColumn(e => e.ApproverUserId);
        builder.HasMany(e => e.Comments).WithOne().HasForeignKey(c => c.EvaluationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvaluationCommentConfiguration : IEntityTypeConfiguration<EvaluationComment>
{
    public void Configure(EntityTypeBuilder<EvaluationComment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(2000).IsRequired();
        builder.HasUserColumn(c => c.AuthorUserId);
    }
}

internal sealed class ContactGoalConfiguration : IEntityTypeConfiguration<ContactGoal>
{
    public void Configure(EntityTypeBuilder<ContactGoal> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasUserColumn(g => g.AgentUserId);
        builder.HasUserColumn(g => g.AssignedByUserId);
        builder.HasMany(g => g.Progress).WithOne().HasForeignKey(p => p.ContactGoalId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContactGoalProgressConfiguration : IEntityTypeConfiguration<ContactGoalProgress>
{
    public void Configure(EntityTypeBuilder<ContactGoalProgress> builder)
    {
        builder.HasUserColumn(p => p.AgentUserId);
    }
}

internal sealed class StorageFileConfiguration : IEntityTypeConfiguration<StorageFile>
{
    public void Configure(EntityTypeBuilder<StorageFile> builder)
    {
        builder.Property(f => f.Path).HasMaxLength(400).IsRequired();
        builder.HasUserColumn(f => f.OwnerUserId);
    }
}

internal sealed class ArchiveAuditConfiguration : IEntityTypeConfiguration<ArchiveAudit>
{
    public void Configure(EntityTypeBuilder<ArchiveAudit> builder)
    {
        builder.Property(a => a.Action).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(a => a.ContactReference).HasMaxLength(64).IsRequired();
        builder.HasUserColumn(a => a.UserId);
    }
}

internal sealed class AuditEventConfiguration : IEntityTypeConfiguration<AuditEvent>
{
    public void Configure(EntityTypeBuilder<AuditEvent> builder)
    {
        builder.Property(a => a.Action).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(a => a.Detail).HasMaxLength(400);
        builder.HasUserColumn(a => a.UserId);
    }
}
