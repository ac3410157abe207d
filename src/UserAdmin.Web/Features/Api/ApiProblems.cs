using Microsoft.AspNetCore.Http.HttpResults;
using UserAdmin.Core.Csv;

namespace UserAdmin.Web.Features.Api;

/// <summary>
/// Every API error is an RFC 9457 problem detail: a title, the words an administrator can act on in
/// <c>detail</c>, and for files the problems with line, column and value in <c>errors</c>.
/// </summary>
public static class ApiProblems
{
    public static ProblemHttpResult Problem(int status, string title, string? detail, IReadOnlyDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, extensions: extensions);

    public static ProblemHttpResult File(int status, string title, string? detail, IEnumerable<CsvProblem> problems, IReadOnlyDictionary<string, object?>? more = null)
    {
        var extensions = new Dictionary<string, object?>(more ?? new Dictionary<string, object?>())
        {
            ["errors"] = problems.Select(ApiRowError.Of).ToList(),
        };
        return Problem(status, title, detail, extensions);
    }

    /// <summary>For answers written outside an endpoint (authentication, rate limiting, error re-execution).</summary>
    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Problem(status, title, detail).ExecuteAsync(context);
    }
}

/// <summary>One problem of a file: line and column when it has them, the value found and what is wrong.</summary>
public sealed record ApiRowError(int? Line, string? Column, string? Value, string Message)
{
    public static ApiRowError Of(CsvProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return new ApiRowError(problem.Line, problem.Column, problem.Value, problem.Message);
    }
}
