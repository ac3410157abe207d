using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using UserAdmin.Core.Users;

namespace UserAdmin.Core.Persistence.Configurations;

/// <summary>
/// How a user column of transferable data (DESIGN 2.3) is mapped: a foreign key to Users with
/// Restrict. Deleting a user must not silently destroy another module's data, and SQL Server
/// refuses several cascade paths to Users (evaluations, contact goals and workflow conditions name
/// two users). The foreign key convention indexes the column unless a unique key starts with it:
/// transfers filter on every user column.
/// </summary>
internal static class UserColumn
{
    public static void HasUserColumn<TEntity>(this EntityTypeBuilder<TEntity> builder, Expression<Func<TEntity, object?>> column)
        where TEntity : class =>
        builder.HasOne<User>().WithMany().HasForeignKey(column).OnDelete(DeleteBehavior.Restrict);
}
