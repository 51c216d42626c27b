namespace RnnKit.Fast;

/// <summary>
/// The state a recurrent layer carries between steps, per example: h (B, H) and, for the LSTM only, c (B, H),
/// row-major. The same type carries ∂L/∂h and ∂L/∂c. An empty array means "zeros".
/// </summary>
public sealed record FastState(float[] H, float[]? C = null)
{
    public static FastState Zeros(int batch, int hiddenSize, bool withCellState) =>
        new(new float[batch * hiddenSize], withCellState ? new float[batch * hiddenSize] : null);
}
