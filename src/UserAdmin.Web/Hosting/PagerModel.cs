using Microsoft.AspNetCore.Http.Extensions;

namespace UserAdmin.Web.Hosting;

/// <summary>Links of a paged table: the current query string with another page number.</summary>
public sealed record PagerModel(int Page, int PageCount, string Path, IQueryCollection Query)
{
    public string UrlFor(int page)
    {
        var builder = new QueryBuilder(Query.Where(q => !string.Equals(q.Key, "page", StringComparison.OrdinalIgnoreCase)))
        {
            { "page", page.ToString(System.Globalization.CultureInfo.InvariantCulture) },
        };
        return Path + builder.ToQueryString();
    }
}
