using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserAdmin.Core.Transfers.Bulk;
using UserAdmin.Core.Transfers.Runs;

namespace UserAdmin.Core.Persistence.Configurations;

internal sealed class TransferRunConfiguration : IEntityTypeConfiguration<TransferRun>
{
    public void Configure(EntityTypeBuilder<TransferRun> builder)
    {
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(10);
        builder.Property(r => r.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.RequestedByName).HasMaxLength(201).IsRequired();
        // R-BLK-5: at most one row may hold the active-bulk slot (SQL Server's unique index ignores NULLs through EF's filter).
        builder.HasIndex(r => r.ActiveBulkSlot).IsUnique();
        builder.HasIndex(r => r.State);
        // R-TRF-5: one run per confirmation page, even when it is submitted twice at once.
        builder.HasIndex(r => r.ConfirmationKey).IsUnique();
        builder.HasMany(r => r.Pairs).WithOne().HasForeignKey(p => p.RunId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TransferRunPairConfiguration : IEntityTypeConfiguration<TransferRunPair>
{
    public void Configure(EntityTypeBuilder<TransferRunPair> builder)
    {
        builder.Property(p => p.State).HasConversion<string>().HasMaxLength(10);
        builder.Property(p => p.SourceLabel).HasMaxLength(220).IsRequired();
        builder.Property(p => p.TargetLabel).HasMaxLength(220).IsRequired();
        builder.Property(p => p.Error).HasMaxLength(2000);
        builder.HasIndex(p => new { p.RunId, p.State, p.Position });
        // R-TRF-6: a source's earlier transfers.
        builder.HasIndex(p => new { p.SourceUserId, p.State });
        builder.HasMany(p => p.Counts).WithOne().HasForeignKey(c => c.PairId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(p => p.Participants).WithOne().HasForeignKey(c => c.PairId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TransferParticipantConfiguration : IEntityTypeConfiguration<TransferParticipant>
{
    public void Configure(EntityTypeBuilder<TransferParticipant> builder)
    {
        // R-TRF-5: the user id is the key, so a user is in at most one active pair.
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.UserId).ValueGeneratedNever();
        builder.HasIndex(p => p.PairId);
    }
}

internal sealed class TransferRunCountConfiguration : IEntityTypeConfiguration<TransferRunCount>
{
    public void Configure(EntityTypeBuilder<TransferRunCount> builder)
    {
        builder.Property(c => c.DataTypeKey).HasMaxLength(50).IsRequired();
    }
}

internal sealed class StoredBulkPlanConfiguration : IEntityTypeConfiguration<StoredBulkPlan>
{
    public void Configure(EntityTypeBuilder<StoredBulkPlan> builder)
    {
        builder.ToTable("BulkTransferPlans");
        builder.HasKey(p => p.UploadId);
        builder.Property(p => p.PlanJson).IsRequired();
    }
}
