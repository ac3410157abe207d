using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserAdmin.Core.Uploads;

namespace UserAdmin.Core.Persistence.Configurations;

internal sealed class UploadConfiguration : IEntityTypeConfiguration<Upload>
{
    public void Configure(EntityTypeBuilder<Upload> builder)
    {
        builder.Property(u => u.FileName).HasMaxLength(260).IsRequired();
        builder.Property(u => u.Purpose).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(u => u.ExpiresAt);
    }
}

internal sealed class UploadContentConfiguration : IEntityTypeConfiguration<UploadContent>
{
    public void Configure(EntityTypeBuilder<UploadContent> builder)
    {
        builder.HasKey(c => c.UploadId);
        builder.Property(c => c.Bytes).IsRequired();
        builder.HasOne<Upload>().WithOne().HasForeignKey<UploadContent>(c => c.UploadId).OnDelete(DeleteBehavior.Cascade);
    }
}
