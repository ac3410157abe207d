using Microsoft.Playwright;

namespace UserAdmin.BrowserTests.Infrastructure;

/// <summary>Saves full-page screenshots of key pages under the repository's <c>TestResults/screenshots</c>.</summary>
public static class Screenshots
{
    public static string Folder { get; } = CreateFolder();

    public static async Task<string> SaveAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        var path = Path.Combine(Folder, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        return path;
    }

    private static string CreateFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "UserAdmin.sln")))
        {
            directory = directory.Parent;
        }

        var folder = Path.Combine(directory?.FullName ?? AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
