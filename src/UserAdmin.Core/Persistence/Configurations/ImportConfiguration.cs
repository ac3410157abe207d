using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserAdmin.Core.People.Import;

namespace UserAdmin.Core.Persistence.Configurations;

internal sealed class ImportUploadConfiguration : IEntityTypeConfiguration<ImportUpload>
{
    public void Configure(EntityTypeBuilder<ImportUpload> builder)
    {
        builder.Property(u => u.FileName).HasMaxLength(260).IsRequired();
        builder.Property(u => u.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.Property(u => u.Content).IsRequired();
        builder.HasIndex(u => u.ExpiresAt);
    }
}

internal sealed class PeopleImportConfiguration : IEntityTypeConfiguration<PeopleImport>
{
    public void Configure(EntityTypeBuilder<PeopleImport> builder)
    {
        builder.Property(i => i.FileName).HasMaxLength(260).IsRequired();
        builder.Property(i => i.ImportedByName).HasMaxLength(201).IsRequired();
        builder.HasIndex(i => i.ImportedAt);
    }
}
