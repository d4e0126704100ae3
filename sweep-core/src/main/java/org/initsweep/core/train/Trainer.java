package org.initsweep.core.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.initsweep.core.data.Dataset;
import org.initsweep.core.data.Datasets;
import org.initsweep.core.init.WeightInitializer;
import org.initsweep.core.nn.Mlp;
import org.initsweep.core.spec.Outputs;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.trace.ActivationHistogram;
import org.initsweep.core.trace.DecisionBoundary;
import org.initsweep.core.trace.EpochMetrics;
import org.initsweep.core.trace.LayerTrace;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.trace.RunStatus;
import org.initsweep.core.trace.TraceRecorder;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Trains one run and records its traces.
 *
 * <p>Every epoch e = 0..epochs starts by evaluating the whole training set (cost and accuracy
 * "after e epochs"; e = 0 is the network at initialization); at recorded epochs a backward pass on
 * the whole set gives the layer traces. Then one epoch of SGD follows: with
 * {@code batch_size = samples} the evaluation pass's gradients are the step's (full-batch gradient
 * descent, no extra work); otherwise the set is shuffled and walked in mini-batches.
 *
 * <p>Determinism: data come from (dataset, seed); weights from a {@link SplittableRandom} seeded
 * with {@link RunSpec#weightSeed()} — the seed alone, so runs of one seed start from the same
 * draws — through {@link org.initsweep.core.init.Gaussian} (not ND4J's RNG); the mini-batch order
 * from a stream split off it before the weights are drawn. With ND4J at one thread the result is
 * bit-identical wherever it runs.
 *
 * <p>A cost or layer that becomes NaN/Inf stops the run with status {@code diverged}; it never
 * throws.
 */
public final class Trainer {

    private Trainer() {
    }

    /**
     * Trains and traces one run.
     *
     * @param run the run
     * @return the result, never null; diverged runs included
     */
    public static RunResult train(RunSpec run) {
        return train(run, Outputs.NONE, net -> { });
    }

    /**
     * Trains and traces one run with optional extra outputs.
     *
     * @param run     the run
     * @param outputs histograms and decision boundaries to produce
     * @return the result, never null; diverged runs included
     */
    public static RunResult train(RunSpec run, Outputs outputs) {
        return train(run, outputs, net -> { });
    }

    /**
     * Trains and traces one run, then hands the trained network to {@code atEnd} (for inspection
     * in tests and notebooks; its arrays are live and must not be kept past the call: the thread's
     * next run of the same shape reuses them, see {@link NetCache}).
     *
     * @param run     the run
     * @param outputs histograms and decision boundaries to produce
     * @param atEnd   receives the network after the last epoch reached
     * @return the result, never null; diverged runs included
     */
    public static RunResult train(RunSpec run, Outputs outputs, java.util.function.Consumer<Mlp> atEnd) {
        long start = System.nanoTime();
        DataType dt = run.precision() == Precision.FLOAT64 ? DataType.DOUBLE : DataType.FLOAT;
        Dataset data = Datasets.generate(run.dataset(), run.samples(), run.width(), run.seed());
        int n = data.samples();
        INDArray x = Nd4j.create(data.x(), new long[] {n, data.dim()}, 'c').castTo(dt);
        INDArray y = Nd4j.create(data.y(), new long[] {n, 1}, 'c').castTo(dt);
        double[] yd = y.toDoubleVector();

        NetCache.Entry reused = NetCache.acquire(data.dim(), run.depth(), run.width(), run.activation(), dt, n);
        Mlp net = reused.net();
        // One stream per run, split before drawing: the mini-batch order is independent of the weights.
        SplittableRandom rng = new SplittableRandom(run.weightSeed());
        SplittableRandom shuffle = rng.split();
        net.initialize((l, fanIn, fanOut, w, b) -> {
            WeightInitializer.fill(w, fanIn, fanOut, run.init(), run.multiplier(), rng);
            WeightInitializer.fillBias(b, fanOut, run.sigmaB2(), rng);
        });

        Set<Integer> recorded = new HashSet<>(run.recordEpochs());
        boolean fullBatch = run.batchSize() >= n;
        Mlp.Pass all = reused.pass();
        Mlp.Pass mini = fullBatch ? null : net.newPass(run.batchSize());
        if (mini != null) {
            mini.keepAll(false); // only trains: nothing reads its Z or dA
        }
        List<LayerTrace> traces = new ArrayList<>();
        List<EpochMetrics> metrics = new ArrayList<>();
        List<ActivationHistogram> histograms = new ArrayList<>();
        RunStatus status = RunStatus.OK;
        int divergedEpoch = -1;
        int divergedLayer = -1;

        for (int epoch = 0; epoch <= run.epochs(); epoch++) {
            boolean record = recorded.contains(epoch);
            // Every layer's Z and dA only where traces read them (see Mlp.Pass#keepAll).
            all.keepAll(record);
            net.forward(all, x);
            double[] zOut = all.toDoubles(Mlp.Buffer.Z, net.layers());
            double loss = Losses.binaryCrossEntropy(zOut, yd);
            double acc = Losses.accuracy(zOut, yd);
            metrics.add(new EpochMetrics(epoch, loss, acc));
            boolean step = epoch < run.epochs();
            if (!Double.isFinite(loss)) {
                status = RunStatus.DIVERGED;
                divergedEpoch = epoch;
                if (!record) {
                    all.keepAll(true); // the same pass again, keeping every Z, to find the first bad layer
                    net.forward(all, x);
                }
                divergedLayer = firstNonFiniteLayer(net, all);
                if (record) {
                    net.backward(all, y);
                    TraceRecorder.record(epoch, net, all, yd, traces);
                    if (outputs.histograms()) {
                        TraceRecorder.histograms(epoch, net, all, histograms);
                    }
                }
                break;
            }
            if (record || (step && fullBatch)) {
                net.backward(all, y);
            }
            if (record) {
                TraceRecorder.record(epoch, net, all, yd, traces);
                if (outputs.histograms()) {
                    TraceRecorder.histograms(epoch, net, all, histograms);
                }
            }
            if (!step) {
                break;
            }
            if (fullBatch) {
                net.sgdStep(all, run.learningRate());
            } else {
                miniBatchEpoch(net, mini, x, y, n, shuffle, run.learningRate());
            }
        }
        DecisionBoundary boundary = outputs.boundaries() && data.dim() == 2 ? boundary(net) : null;
        atEnd.accept(net);
        EpochMetrics last = metrics.get(metrics.size() - 1);
        long ms = (System.nanoTime() - start) / 1_000_000;
        return new RunResult(run, run.runId(), status, divergedEpoch, divergedLayer, last.loss(),
                last.accuracy(), ms, net.kernelName(), data.inputVariance(), traces, metrics, histograms, boundary);
    }

    /** σ(z) of the network on the standard grid over the input plane. */
    static DecisionBoundary boundary(Mlp net) {
        int steps = DecisionBoundary.STEPS;
        DecisionBoundary grid = new DecisionBoundary(DecisionBoundary.MIN, DecisionBoundary.MAX, steps, new float[0]);
        double[] points = new double[steps * steps * 2];
        for (int i2 = 0; i2 < steps; i2++) {
            for (int i1 = 0; i1 < steps; i1++) {
                points[2 * (i2 * steps + i1)] = grid.coordinate(i1);
                points[2 * (i2 * steps + i1) + 1] = grid.coordinate(i2);
            }
        }
        INDArray input = Nd4j.create(points, new long[] {(long) steps * steps, 2}, 'c').castTo(net.dataType());
        Mlp.Pass pass = net.newPass(steps * steps);
        net.forward(pass, input);
        float[] p = pass.a(net.layers()).castTo(DataType.FLOAT).toFloatVector();
        return new DecisionBoundary(grid.min(), grid.max(), steps, p);
    }

    private static void miniBatchEpoch(Mlp net, Mlp.Pass mini, INDArray x, INDArray y, int n,
            SplittableRandom shuffle, double lr) {
        int[] order = permutation(n, shuffle);
        int bs = mini.batch();
        // Batches are full-sized; the last n mod bs examples of this epoch's order are skipped,
        // and reshuffling makes every example count equally over epochs.
        for (int start = 0; start + bs <= n; start += bs) {
            int[] idx = java.util.Arrays.copyOfRange(order, start, start + bs);
            INDArray xb = Nd4j.pullRows(x, 1, idx);
            INDArray yb = Nd4j.pullRows(y, 1, idx);
            net.forward(mini, xb);
            net.backward(mini, yb);
            net.sgdStep(mini, lr);
        }
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** First layer whose z has a NaN/Inf entry (1..L+1), or 0 if every z is finite. */
    static int firstNonFiniteLayer(Mlp net, Mlp.Pass pass) {
        for (int l = 1; l <= net.layers(); l++) {
            // Entry by entry: a float32 sum of finite entries overflows long before they do.
            for (double v : pass.toDoubles(Mlp.Buffer.Z, l)) {
                if (!Double.isFinite(v)) {
                    return l;
                }
            }
        }
        return 0;
    }
}
