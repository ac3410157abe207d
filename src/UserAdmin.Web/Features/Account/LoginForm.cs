using FluentValidation;

namespace UserAdmin.Web.Features.Account;

public sealed class LoginForm
{
    /// <summary>An email and a password never need more; anyone posting more is not signing in.</summary>
    public const long MaxRequestBytes = 64 * 1024;

    public string EmailOrLogin { get; set; } = "";
    public string Password { get; set; } = "";
    public string? ReturnUrl { get; set; }
}

public sealed class LoginFormValidator : AbstractValidator<LoginForm>
{
    public LoginFormValidator()
    {
        RuleFor(f => f.EmailOrLogin).NotEmpty().WithMessage("Enter your email address or login.").MaximumLength(254);
        RuleFor(f => f.Password).NotEmpty().WithMessage("Enter your password.").MaximumLength(1000);
    }
}
