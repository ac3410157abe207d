namespace UserAdmin.Core.DemoData;

/// <summary>Word lists the demo tenant draws from.</summary>
public static class DemoNames
{
    public static readonly string[] FirstNames =
    [
        "Olivia", "Liam", "Emma", "Noah", "Ava", "Elijah", "Sophia", "Lucas", "Isabella", "Mason",
        "Mia", "Ethan", "Amelia", "Logan", "Harper", "Aiden", "Evelyn", "Jackson", "Abigail", "Sebastian",
        "Emily", "Mateo", "Ella", "Henry", "Chloe", "Owen", "Grace", "Samuel", "Zoe", "Daniel",
        "Nora", "Leo", "Hannah", "Julian", "Lily", "Gabriel", "Aria", "Carter", "Layla", "Wyatt",
        "Priya", "Arjun", "Mei", "Hiroshi", "Fatima", "Omar", "Ingrid", "Lars", "Chiara", "Matteo",
        "Zoë", "José", "Renée", "Søren", "Łukasz", "Anaïs",
    ];

    public static readonly string[] LastNames =
    [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez",
        "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
        "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
        "Patel", "Kim", "Okafor", "Schmidt", "Rossi", "Novak", "O'Brien", "Müller", "Dubois", "Kowalski",
    ];

    public static readonly string[] TimeZones =
    [
        "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "Europe/London",
        "Europe/Berlin", "Europe/Paris", "Asia/Kolkata", "Australia/Sydney", "UTC",
    ];

    public static readonly string[] Locales = ["en-US", "en-GB", "de-DE", "fr-FR", "es-ES"];

    public static readonly string[] Skills = ["Billing", "Sales", "Support", "Retention", "Spanish", "French", "Technical"];

    public static readonly string[] ScheduleReleaseProfiles = ["Weekly release", "Biweekly release"];

    public static readonly string[] WorkConditionProfiles = ["Full time", "Part time", "Weekend"];
}
