using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserAdmin.Core.People.Import;
using UserAdmin.Core.People.Revert;

namespace UserAdmin.Core.Persistence.Configurations;

internal sealed class ImportDraftConfiguration : IEntityTypeConfiguration<ImportDraft>
{
    public void Configure(EntityTypeBuilder<ImportDraft> builder)
    {
        builder.HasKey(d => d.UploadId);
        builder.HasOne(d => d.Upload).WithOne().HasForeignKey<ImportDraft>(d => d.UploadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportPreviewRowConfiguration : IEntityTypeConfiguration<ImportPreviewRow>
{
    public void Configure(EntityTypeBuilder<ImportPreviewRow> builder)
    {
        // The key is also the page order, and stops two requests storing one preview twice.
        builder.HasKey(r => new { r.UploadId, r.Section, r.Ordinal });
        builder.Property(r => r.Section).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Name).HasMaxLength(300);
        builder.Property(r => r.Detail).IsRequired();
        builder.HasOne<ImportDraft>().WithMany().HasForeignKey(r => r.UploadId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PeopleImportConfiguration : IEntityTypeConfiguration<PeopleImport>
{
    public void Configure(EntityTypeBuilder<PeopleImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(260).IsRequired();
        builder.Property(i => i.ImportedByName).HasMaxLength(201).IsRequired();
        builder.Property(i => i.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.DamagedCells).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(i => i.ImportedAt);

        // Start-up recovery looks for unfinished imports; the history lists the succeeded ones.
        builder.HasIndex(i => i.State);
    }
}

internal sealed class ImportBeforeImageConfiguration : IEntityTypeConfiguration<ImportBeforeImage>
{
    public void Configure(EntityTypeBuilder<ImportBeforeImage> builder)
    {
        // One image per user per import; a revert reads its import's images, the changed-since check a user's later ones.
        builder.HasKey(b => new { b.ImportId, b.UserId });
        builder.HasIndex(b => b.UserId);
        builder.Property(b => b.Kind).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<PeopleImport>().WithMany().HasForeignKey(b => b.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportRevertDraftConfiguration : IEntityTypeConfiguration<ImportRevertDraft>
{
    public void Configure(EntityTypeBuilder<ImportRevertDraft> builder)
    {
        builder.HasKey(d => d.UploadId);
        builder.HasIndex(d => d.RevertOfImportId);
        builder.Property(d => d.IncludedUserIds).IsRequired();
        builder.Property(d => d.DeletedUsers).IsRequired();
        builder.HasOne<ImportDraft>().WithOne().HasForeignKey<ImportRevertDraft>(d => d.UploadId).OnDelete(DeleteBehavior.Cascade);
    }
}
