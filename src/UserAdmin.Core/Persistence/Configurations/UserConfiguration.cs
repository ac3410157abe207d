using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.Email).HasMaxLength(FieldLimits.Email).IsRequired();
        builder.Property(u => u.NormalizedEmail).HasMaxLength(FieldLimits.Email).IsRequired();
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.Property(u => u.FirstName).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(u => u.LastName).HasMaxLength(FieldLimits.Name).IsRequired();
        builder.Property(u => u.Login).HasMaxLength(FieldLimits.Text);
        builder.Property(u => u.NormalizedLogin).HasMaxLength(FieldLimits.Text);
        builder.HasIndex(u => u.NormalizedLogin).IsUnique();
        builder.Property(u => u.EmployeeId).HasMaxLength(FieldLimits.Text);
        builder.Property(u => u.AcdId).HasMaxLength(FieldLimits.Text);
        builder.Property(u => u.AcdServerId).HasMaxLength(FieldLimits.Text);
        builder.Property(u => u.DisplayTimeZone).HasMaxLength(FieldLimits.TimeZone);
        builder.Property(u => u.SchedulingTimeZone).HasMaxLength(FieldLimits.TimeZone);
        builder.Property(u => u.Locale).HasMaxLength(FieldLimits.Locale);
        builder.Property(u => u.ScheduleReleaseProfile).HasMaxLength(FieldLimits.Text);
        builder.Property(u => u.WorkConditionProfile).HasMaxLength(FieldLimits.Text);
        builder.Property(u => u.PasswordHash).HasMaxLength(FieldLimits.Text);
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => new { u.LastName, u.FirstName });
        builder.HasIndex(u => u.TeamId);
        builder.HasIndex(u => u.MemberGroupId);

        builder.HasOne(u => u.Team).WithMany().HasForeignKey(u => u.TeamId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.MemberGroup).WithMany().HasForeignKey(u => u.MemberGroupId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(u => u.MaxStaffingGroup).WithMany().HasForeignKey(u => u.MaxStaffingGroupId).OnDelete(DeleteBehavior.Restrict);

        builder.HasMany(u => u.Roles).WithMany().UsingEntity<UserRole>(
            join => join.HasOne<Role>().WithMany().HasForeignKey(l => l.RoleId),
            join => join.HasOne<User>().WithMany().HasForeignKey(l => l.UserId),
            join => join.HasKey(l => new { l.UserId, l.RoleId }));
        builder.HasMany(u => u.ScopeTeams).WithMany().UsingEntity<UserScopeTeam>(
            join => join.HasOne<Team>().WithMany().HasForeignKey(l => l.TeamId),
            join => join.HasOne<User>().WithMany().HasForeignKey(l => l.UserId),
            join => join.HasKey(l => new { l.UserId, l.TeamId }));
        builder.HasMany(u => u.ScopeGroups).WithMany().UsingEntity<UserScopeGroup>(
            join => join.HasOne<Group>().WithMany().HasForeignKey(l => l.GroupId),
            join => join.HasOne<User>().WithMany().HasForeignKey(l => l.UserId),
            join => join.HasKey(l => new { l.UserId, l.GroupId }));
        builder.HasMany(u => u.QmViews).WithMany().UsingEntity<UserQmView>(
            join => join.HasOne<QmView>().WithMany().HasForeignKey(l => l.QmViewId),
            join => join.HasOne<User>().WithMany().HasForeignKey(l => l.UserId),
            join => join.HasKey(l => new { l.UserId, l.QmViewId }));
        builder.HasMany(u => u.SkillMappings).WithOne().HasForeignKey(s => s.UserId);
    }
}

internal sealed class SignInLockoutConfiguration : IEntityTypeConfiguration<Security.SignInLockout>
{
    public void Configure(EntityTypeBuilder<Security.SignInLockout> builder)
    {
        builder.HasKey(l => l.Key);
        builder.Property(l => l.Key).HasMaxLength(Security.SignInLockout.MaxKeyLength);
        builder.HasIndex(l => l.LastFailureAt);
    }
}
