using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserAdmin.Core.Transfers.Data;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Persistence.Configurations;

// Classic WFM data that is combined on transfer (DESIGN 2.3): no unique key on a user column.

internal sealed class MessagingRequestConfiguration : IEntityTypeConfiguration<MessagingRequest>
{
    public void Configure(EntityTypeBuilder<MessagingRequest> builder)
    {
        builder.Property(m => m.Subject).HasMaxLength(FieldLimits.Text).IsRequired();
        builder.Property(m => m.Status).HasMaxLength(32).IsRequired();
        builder.HasUserColumn(m => m.RequesterUserId);
        builder.HasMany(m => m.Comments).WithOne().HasForeignKey(c => c.MessagingRequestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MessagingRequestCommentConfiguration : IEntityTypeConfiguration<MessagingRequestComment>
{
    public void Configure(EntityTypeBuilder<MessagingRequestComment> builder)
    {
        builder.Property(c => c.Text).HasMaxLength(2000).IsRequired();
        builder.HasUserColumn(c => c.AuthorUserId);
    }
}

internal sealed class ServerRequestConfiguration : IEntityTypeConfiguration<ServerRequest>
{
    public void Configure(EntityTypeBuilder<ServerRequest> builder)
    {
        builder.Property(r => r.Kind).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(r => r.Status).HasMaxLength(32).IsRequired();
        builder.HasUserColumn(r => r.RequestedByUserId);
    }
}

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> builder)
    {
        builder.Property(a => a.Kind).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasUserColumn(a => a.UserId);
    }
}

internal sealed class WfmViewConfiguration : IEntityTypeConfiguration<WfmView>
{
    public void Configure(EntityTypeBuilder<WfmView> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(v => v.Screen).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(v => v.Definition).HasMaxLength(2000).IsRequired();
        builder.HasUserColumn(v => v.OwnerUserId);
    }
}

internal sealed class WorkflowConditionConfiguration : IEntityTypeConfiguration<WorkflowCondition>
{
    public void Configure(EntityTypeBuilder<WorkflowCondition> builder)
    {
        builder.Property(w => w.Name).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(w => w.Condition).HasMaxLength(400).IsRequired();
        builder.HasUserColumn(w => w.OwnerUserId);
        builder.HasUserColumn(w => w.NotifyUserId);
    }
}
