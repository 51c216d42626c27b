namespace RnnKit;

/// <summary>
/// The recurrent cells of the kit, named as PyTorch names its recurrent modes (<c>nn.RNN</c> with tanh or ReLU,
/// <c>nn.LSTM</c>, <c>nn.GRU</c>): the scratch cells, the fast layers, the encoder–decoder and the reference cases
/// all pick their cell with this one type. <see cref="CellKinds.Parse"/> reads PyTorch's names.
/// </summary>
public enum CellKind
{
    /// <summary>Elman RNN, h = tanh(W_ih x + b_ih + W_hh h⟨t−1⟩ + b_hh); PyTorch's "rnn_tanh" (and plain "rnn").</summary>
    RnnTanh,

    /// <summary>Elman RNN with ReLU instead of tanh; PyTorch's "rnn_relu".</summary>
    RnnRelu,

    /// <summary>Long short-term memory, gate order i, f, g, o; PyTorch's "lstm".</summary>
    Lstm,

    /// <summary>Gated recurrent unit, gate order r, z, n; PyTorch's "gru".</summary>
    Gru,
}

/// <summary>PyTorch's names of the <see cref="CellKind"/>s and what each kind is made of.</summary>
public static class CellKinds
{
    /// <summary>Every kind, in declaration order.</summary>
    public static IReadOnlyList<CellKind> All { get; } = Enum.GetValues<CellKind>();

    /// <summary>PyTorch's mode name, lower case: "rnn_tanh", "rnn_relu", "lstm" or "gru".</summary>
    public static string Name(this CellKind kind) => kind switch
    {
        CellKind.RnnTanh => "rnn_tanh",
        CellKind.RnnRelu => "rnn_relu",
        CellKind.Lstm => "lstm",
        CellKind.Gru => "gru",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a cell kind"),
    };

    /// <summary>G, the gates PyTorch stacks in one fused weight: 1 for the RNNs, 4 for the LSTM, 3 for the GRU.</summary>
    public static int GateCount(this CellKind kind) => kind switch
    {
        CellKind.Lstm => 4,
        CellKind.Gru => 3,
        _ => 1,
    };

    /// <summary>True for the LSTM, whose state has a cell state c besides h.</summary>
    public static bool HasCellState(this CellKind kind) => kind == CellKind.Lstm;

    /// <summary>
    /// Reads PyTorch's name of a cell, ignoring case: "rnn_tanh", "rnn_relu", "lstm", "gru" (its mode names, as in
    /// <c>RNNBase.mode</c>) and "rnn" (<c>nn.RNN</c>, whose default non-linearity is tanh).
    /// </summary>
    /// <exception cref="ArgumentException">Any other name; the message lists the accepted ones.</exception>
    public static CellKind Parse(string name) =>
        TryParse(name, out var kind) ? kind : throw new ArgumentException($"unknown cell kind '{name}'; expected {Expected}", nameof(name));

    /// <summary>As <see cref="Parse"/>, false instead of an exception.</summary>
    public static bool TryParse(string? name, out CellKind kind)
    {
        switch (name?.ToLowerInvariant())
        {
            case "rnn" or "rnn_tanh": kind = CellKind.RnnTanh; return true;
            case "rnn_relu": kind = CellKind.RnnRelu; return true;
            case "lstm": kind = CellKind.Lstm; return true;
            case "gru": kind = CellKind.Gru; return true;
            default: kind = default; return false;
        }
    }

    /// <summary>The names <see cref="Parse"/> accepts, for messages: "rnn_tanh (or rnn), rnn_relu, lstm or gru".</summary>
    public static string Expected => "rnn_tanh (or rnn), rnn_relu, lstm or gru";
}
