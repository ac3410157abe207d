using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

namespace UserAdmin.Core.Persistence;

/// <summary>
/// A LIKE that ignores letter case on every provider, for searches. SQLite's LIKE (for ASCII letters) and
/// SQL Server's default collation already ignore it; PostgreSQL compares text exactly, so there both
/// sides are upper-cased first (ADR-0011).
/// </summary>
public static class TextMatch
{
    /// <summary>
    /// <c>value LIKE pattern ESCAPE '\'</c>, ignoring case. Only for database queries: EF translates the
    /// call and never runs this body.
    /// </summary>
    public static bool Like(string? value, string pattern) =>
        throw new InvalidOperationException("TextMatch.Like is translated to SQL; it cannot run outside a database query.");

    internal static void Register(ModelBuilder modelBuilder, bool upperCaseFirst)
    {
        modelBuilder.HasDbFunction(typeof(TextMatch).GetMethod(nameof(Like))!)
            .HasTranslation(arguments => new LikeExpression(
                upperCaseFirst ? Upper(arguments[0]) : arguments[0],
                upperCaseFirst ? Upper(arguments[1]) : arguments[1],
                new SqlConstantExpression("\\", typeof(string), arguments[1].TypeMapping),
                null));
    }

    private static SqlFunctionExpression Upper(SqlExpression text) =>
        new("upper", [text], nullable: true, argumentsPropagateNullability: [true], typeof(string), text.TypeMapping);
}
