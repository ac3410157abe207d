using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace UserAdmin.BrowserTests.Infrastructure;

/// <summary>
/// R-UX-2 for one page: at a laptop's and a phone's width the page does not scroll sideways and axe-core
/// finds no serious or critical violation; a screenshot of each width goes to <c>TestResults/screenshots</c>.
/// </summary>
public static class PageCheck
{
    public static readonly int[] Widths = [1366, 390];

    /// <summary>Fails with every problem spelled out (xunit would cut a collection short).</summary>
    public static void AssertNone(IReadOnlyCollection<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>The problems found, worded for the test's failure message; empty when the page passes.</summary>
    public static async Task<IReadOnlyList<string>> AtBothWidthsAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var problems = new List<string>();
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            await page.EvaluateAsync("() => new Promise(resolve => requestAnimationFrame(() => requestAnimationFrame(resolve)))");
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            if (widths[0] > widths[1])
            {
                problems.Add($"{name} at {width} px: the page is {widths[0]} px wide");
            }

            var axe = await page.RunAxe();
            foreach (var violation in axe.Violations.Where(v => v.Impact is "serious" or "critical"))
            {
                var where = string.Join(" | ", violation.Nodes.Take(3).Select(n => n.Target?.ToString() + " " + n.Html));
                problems.Add($"{name} at {width} px: {violation.Impact} {violation.Id} ({violation.Help}) at {where}");
            }

            await Screenshots.SaveAsync(page, $"{name}-{width}");
        }

        await page.SetViewportSizeAsync(Widths[0], 900);
        return problems;
    }
}
