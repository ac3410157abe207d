using Microsoft.AspNetCore.Mvc;

namespace UserAdmin.Web.Hosting;

/// <summary>
/// R-UX-4: forms speak the product's words. Validation is explicit (FluentValidation validators, STYLE.md),
/// so MVC's implicit "required" check, whose message names the C# property ("The EmailOrLogin field is
/// required."), is off, and the binder's own messages for values it cannot read name no property.
/// </summary>
internal static class FormMessages
{
    public static MvcOptions UseProductWords(this MvcOptions options)
    {
        options.SuppressImplicitRequiredAttributeForNonNullableReferenceTypes = true;
        var messages = options.ModelBindingMessageProvider;
        messages.SetValueMustNotBeNullAccessor(_ => "Enter a value.");
        messages.SetMissingBindRequiredValueAccessor(_ => "Enter a value.");
        messages.SetMissingKeyOrValueAccessor(() => "Enter a value.");
        messages.SetMissingRequestBodyRequiredValueAccessor(() => "The form arrived empty; fill it in and send it again.");
        messages.SetAttemptedValueIsInvalidAccessor((value, _) => $"\"{value}\" is not a valid value here.");
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"\"{value}\" is not a valid value here.");
        messages.SetValueIsInvalidAccessor(value => $"\"{value}\" is not a valid value here.");
        messages.SetUnknownValueIsInvalidAccessor(_ => "This value is not valid here.");
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => "This value is not valid here.");
        messages.SetValueMustBeANumberAccessor(_ => "Enter a number.");
        messages.SetNonPropertyValueMustBeANumberAccessor(() => "Enter a number.");
        return options;
    }
}
