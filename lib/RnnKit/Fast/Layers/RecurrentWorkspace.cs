namespace RnnKit.Fast;

/// <summary>
/// Scratch storage of the backward pass, kept with the forward buffers so the next pass reuses it: the packed recurrent
/// weights and the backward buffers. Holds no values that outlive a forward/backward pair.
/// </summary>
internal sealed class RecurrentWorkspace
{
    /// <summary>W_hhᵀ (H, G·H) packed for h⟨t−1⟩ · W_hhᵀ in the forward pass.</summary>
    public PackedMatrix? RecurrentT;

    /// <summary>W_hh (G·H, H) packed for dG⟨t⟩ · W_hh in the backward pass.</summary>
    public PackedMatrix? Recurrent;

    /// <summary>The bias of the input projection (G·H): b_ih, plus b_hh where the cell folds it in.</summary>
    public float[] InputBias = [];

    /// <summary>∂L/∂(gate pre-activations) on the input side (T, B, G·H).</summary>
    public float[] DGates = [];

    /// <summary>∂L/∂(gate pre-activations) on the hidden side (T, B, G·H); only the GRU needs a separate one.</summary>
    public float[] DHiddenGates = [];

    /// <summary>Running sums of the gate gradients per block of batch rows, for the bias gradients.</summary>
    public float[] BiasSums = [];

    /// <summary>∂L/∂h⟨t⟩ flowing back from step t+1 (B, H).</summary>
    public float[] DhCarry = [];

    /// <summary>∂L/∂c⟨t⟩ flowing back from step t+1 (B, H), LSTM only.</summary>
    public float[] DcCarry = [];

    /// <summary>Total ∂L/∂h⟨t⟩ of the current step (B, H).</summary>
    public float[] Dh = [];

    public static float[] Ensure(ref float[] buffer, int length)
    {
        if (buffer.Length != length) buffer = new float[length];
        return buffer;
    }

    /// <summary>W_ihᵀ (I, G·H) packed for one step's x⟨t⟩ · W_ihᵀ, when the input projection runs step by step.</summary>
    public PackedMatrix? InputT;

    /// <summary>W_ih (G·H, I) packed for one step's dG⟨t⟩ · W_ih, when ∂L/∂x runs step by step.</summary>
    public PackedMatrix? Input;

    /// <summary>Packs W_ihᵀ into <see cref="InputT"/> (re-using its storage).</summary>
    public PackedMatrix PackInputT(RecurrentWeights w) =>
        Pack(ref InputT, MatrixOp.Transpose, w.InputSize, w.GateWidth, w.WeightIh.Value, w.InputSize);

    /// <summary>Packs W_ih into <see cref="Input"/> (re-using its storage).</summary>
    public PackedMatrix PackInput(RecurrentWeights w) =>
        Pack(ref Input, MatrixOp.None, w.GateWidth, w.InputSize, w.WeightIh.Value, w.InputSize);

    private static PackedMatrix Pack(ref PackedMatrix? packed, MatrixOp op, int rows, int columns, float[] b, int ldb)
    {
        if (packed is null || packed.Rows != rows || packed.Columns != columns)
            packed = PackedMatrix.Pack(op, rows, columns, b, ldb);
        else
            packed.Repack(op, b, ldb);
        return packed;
    }

    /// <summary>Packs W_hhᵀ into <see cref="RecurrentT"/> (re-using its storage).</summary>
    public PackedMatrix PackRecurrentT(RecurrentWeights w) =>
        Pack(ref RecurrentT, MatrixOp.Transpose, w.HiddenSize, w.GateWidth, w.WeightHh.Value, w.HiddenSize);

    /// <summary>Packs W_hh into <see cref="Recurrent"/> (re-using its storage).</summary>
    public PackedMatrix PackRecurrent(RecurrentWeights w) =>
        Pack(ref Recurrent, MatrixOp.None, w.GateWidth, w.HiddenSize, w.WeightHh.Value, w.HiddenSize);
}
