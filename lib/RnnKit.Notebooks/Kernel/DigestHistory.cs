namespace RnnKit.Notebooks.Kernel;

/// <summary>
/// The signatures of the last <see cref="Capacity"/> messages received, so a signed message sent again (a replay by
/// someone who saw it on the wire) is recognised and dropped, as ipykernel does. Oldest forgotten first.
/// </summary>
internal sealed class DigestHistory(int capacity = DigestHistory.DefaultCapacity)
{
    /// <summary>ipykernel's digest_history_size.</summary>
    public const int DefaultCapacity = 1 << 16;

    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly Queue<string> _order = new();

    public int Capacity { get; } = capacity;

    /// <summary>Records <paramref name="signature"/>; false when it was seen before (the message is a replay).</summary>
    public bool Add(string signature)
    {
        if (!_seen.Add(signature)) return false;
        _order.Enqueue(signature);
        if (_order.Count > Capacity) _seen.Remove(_order.Dequeue());
        return true;
    }
}
