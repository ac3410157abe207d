using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserAdmin.Core.People.Mappings;

namespace UserAdmin.Core.Persistence.Configurations;

internal sealed class SavedMappingConfiguration : IEntityTypeConfiguration<SavedMapping>
{
    public void Configure(EntityTypeBuilder<SavedMapping> builder)
    {
        builder.Property(m => m.Name).HasMaxLength(SavedMapping.NameLength).IsRequired();
        builder.Property(m => m.NormalizedName).HasMaxLength(SavedMapping.NameLength).IsRequired();
        builder.HasIndex(m => m.NormalizedName).IsUnique();
        builder.Property(m => m.MappingJson).IsRequired();
        builder.Property(m => m.SavedByName).HasMaxLength(201).IsRequired();
    }
}
