using MathNet.Numerics.LinearAlgebra;

namespace RnnKit;

/// <summary>
/// The weights of one PyTorch recurrent layer (nn.RNN, nn.LSTM, nn.GRU, layer 0), gates fused row-wise in
/// PyTorch's order (LSTM i, f, g, o; GRU r, z, n), G gates of H rows each.
/// </summary>
/// <param name="WeightIh">weight_ih_l0 (G·H, I).</param>
/// <param name="WeightHh">weight_hh_l0 (G·H, H).</param>
/// <param name="BiasIh">bias_ih_l0 (G·H).</param>
/// <param name="BiasHh">bias_hh_l0 (G·H).</param>
public sealed record PyTorchWeights(Matrix<double> WeightIh, Matrix<double> WeightHh, Vector<double> BiasIh, Vector<double> BiasHh);
