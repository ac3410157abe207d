namespace UserAdmin.Core.Users;

/// <summary>Column lengths, shared by the database model and the validators.</summary>
public static class FieldLimits
{
    public const int Name = 100;
    public const int Email = 254;
    public const int Text = 200;
    public const int TimeZone = 64;
    public const int Locale = 20;
}
