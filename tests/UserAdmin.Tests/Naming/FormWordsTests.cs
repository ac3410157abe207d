using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Naming;

/// <summary>R-UX-4: a form's messages are the product's words, never the name of a C# property.</summary>
[Collection(AppTestGroup.Name)]
public sealed class FormWordsTests(FormWordsTests.App app) : IClassFixture<FormWordsTests.App>
{
    public sealed class App : UserAdminAppFactory;

    [Theory] // R-UX-4
    [InlineData("", "", new[] { "Enter your email address or login.", "Enter your password." })]
    [InlineData("", "secret", new[] { "Enter your email address or login." })]
    [InlineData("someone", "", new[] { "Enter your password." })]
    public async Task An_incomplete_sign_in_says_what_is_missing_in_words(string emailOrLogin, string password, string[] expected)
    {
        using var client = app.CreateTestClient();

        using var response = await client.PostFormAsync("/account/login", "/account/login", new Dictionary<string, string>
        {
            ["EmailOrLogin"] = emailOrLogin,
            ["Password"] = password,
        });
        var page = await TestClient.ParseAsync(response);
        var messages = page.QuerySelectorAll(".field-error, .alert-error li").Select(e => e.TextContent.Trim()).Where(t => t.Length > 0).Distinct().ToList();

        Assert.Equal(expected, messages);
        Assert.DoesNotContain("EmailOrLogin", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
