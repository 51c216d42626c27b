namespace RnnKit;

/// <summary>Settings of an <see cref="EchoStateNetwork"/> (Jaeger 2001; Lukoševičius 2012, "A practical guide").</summary>
/// <param name="ReservoirSize">N, the number of reservoir (储备池) units.</param>
/// <param name="SpectralRadius">ρ(W) of the recurrent weights; below 1 the reservoir forgets its start (the echo-state property in practice).</param>
/// <param name="Density">Share of nonzero recurrent weights; sparse reservoirs are the classic choice.</param>
/// <param name="InputScale">Input weights Win ~ U(−s, s).</param>
/// <param name="BiasScale">Bias b ~ U(−s, s); a bias breaks the symmetry x → −x of a tanh reservoir.</param>
/// <param name="LeakRate">α in x ← (1 − α)x + α·tanh(…); 1 is no leak.</param>
/// <param name="Ridge">λ of the ridge readout.</param>
/// <param name="Washout">Steps discarded at the start of every run before fitting (the initial state's echo).</param>
public sealed record EchoStateConfig(
    int ReservoirSize = 200,
    double SpectralRadius = 0.9,
    double Density = 0.1,
    double InputScale = 0.5,
    double BiasScale = 0.2,
    double LeakRate = 1.0,
    double Ridge = 1e-6,
    int Washout = 100);
