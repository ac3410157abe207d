using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace UserAdmin.Web.Hosting;

/// <summary>
/// One feature = one folder: a controller in namespace <c>UserAdmin.Web.Features.X</c> finds its
/// views in <c>/Features/X/Views</c>, whatever the controller is called.
/// </summary>
internal sealed class FeatureFolderViews : IViewLocationExpander
{
    private const string Key = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action
            && action.ControllerTypeInfo.Namespace?.Split('.') is [.., "Features", var feature])
        {
            context.Values[Key] = feature;
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue(Key, out var feature) && feature is not null
            ? viewLocations.Prepend($"/Features/{feature}/Views/{{0}}{RazorViewEngine.ViewExtension}")
            : viewLocations;
}
