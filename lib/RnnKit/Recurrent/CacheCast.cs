namespace RnnKit;

internal static class CacheCast
{
    /// <summary>The typed cache behind an <see cref="IStepCache"/>, or a message naming both types.</summary>
    public static T To<T>(IStepCache cache, string cell) where T : IStepCache =>
        cache is T typed
            ? typed
            : throw new ArgumentException($"{cell} needs a {typeof(T).Name} but was given a {cache?.GetType().Name ?? "null"}");
}
