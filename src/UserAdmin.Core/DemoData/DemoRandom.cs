namespace UserAdmin.Core.DemoData;

internal static class DemoRandom
{
    public static T Pick<T>(this Random random, IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
