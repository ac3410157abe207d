using UserAdmin.Tests.Infrastructure;

namespace UserAdmin.Tests.Security;

/// <summary>The request size scenarios in process, where the test server enforces no body limit of its own.</summary>
[Collection(AppTestGroup.Name)]
public sealed class RequestSizeLimitTests(UploadProbeApp app) : RequestSizeLimitScenarios(app), IClassFixture<UploadProbeApp>;
