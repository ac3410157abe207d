using FluentValidation;
using Hangfire;
using Microsoft.AspNetCore.Mvc;
using UserAdmin.Core.DemoData;
using UserAdmin.Core.Tenancy;
using UserAdmin.Web.Features.Api;
using UserAdmin.Web.Features.Health;
using UserAdmin.Web.Hosting;
using UserAdmin.Web.Security;

var builder = WebApplication.CreateBuilder(args);

var database = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddUserAdminDatabase(database, builder.Configuration);
builder.Services.AddUserAdminSecurity(builder.Configuration);
builder.Services.AddRequestBodyLimits();
builder.Services.AddUserAdminJobs(database);
builder.Services.AddUserAdminFeatures(builder.Configuration);
builder.Services.AddUserAdminApi(builder.Configuration);
builder.Services.AddScoped<AdministratorBootstrap>();
builder.Services.AddScoped<DemoTenant>();
builder.Services.AddValidatorsFromAssemblyContaining<Program>(includeInternalTypes: true);
builder.Services
    .AddControllersWithViews(options => options.UseProductWords().Filters.Add(new AutoValidateAntiforgeryTokenAttribute()))
    .AddRazorOptions(options => options.ViewLocationExpanders.Add(new FeatureFolderViews()));

var app = builder.Build();
if (!await app.PrepareDatabaseAsync())
{
    await app.DisposeAsync(); // flushes the log: each attempt was one line of it
    return 1;
}

app.UseTransportSecurity();
app.UseExceptionHandler("/error/500");
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseSecurityHeaders();
app.UseStaticFiles();
app.UseRouting();
app.UseRequestBodyLimits();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter(); // after authentication: the API's limit is per token (sign-in's, per address)

app.MapHealthEndpoint();
app.MapControllers();
app.MapUserAdminApi();
app.MapHangfireDashboardWithAuthorizationPolicy(Policies.TenantAdministrator, "/hangfire", new DashboardOptions { DisplayStorageConnectionString = false, AppPath = "/" });

await app.RunAsync();
return 0;
