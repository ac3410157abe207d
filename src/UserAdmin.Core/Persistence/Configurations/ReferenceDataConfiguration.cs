using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Persistence.Configurations;

internal sealed class RoleConfiguration : IEntityTypeConfiguration<Role>
{
    public void Configure(EntityTypeBuilder<Role> builder)
    {
        builder.Property(r => r.Name).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasIndex(r => r.Name).IsUnique();
    }
}

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasOne(t => t.Group).WithMany().HasForeignKey(t => t.GroupId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GroupConfiguration : IEntityTypeConfiguration<Group>
{
    public void Configure(EntityTypeBuilder<Group> builder)
    {
        builder.Property(g => g.Name).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasIndex(g => g.Name).IsUnique();
    }
}

internal sealed class QmViewConfiguration : IEntityTypeConfiguration<QmView>
{
    public void Configure(EntityTypeBuilder<QmView> builder)
    {
        builder.Property(v => v.Name).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.HasIndex(v => v.Name).IsUnique();
    }
}

internal sealed class SkillMappingConfiguration : IEntityTypeConfiguration<SkillMapping>
{
    public void Configure(EntityTypeBuilder<SkillMapping> builder)
    {
        builder.Property(s => s.SkillName).HasMaxLength(FieldLimits.Name).IsRequired();
        // One row per user and skill: the reason a transfer overwrites skill mappings (DESIGN 2.3).
        builder.HasIndex(s => new { s.UserId, s.SkillName }).IsUnique();
    }
}
