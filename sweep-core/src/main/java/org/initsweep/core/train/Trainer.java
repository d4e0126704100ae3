package org.initsweep.core.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.initsweep.core.data.Dataset;
import org.initsweep.core.data.Datasets;
import org.initsweep.core.head.OutputHead;
import org.initsweep.core.init.WeightInitializer;
import org.initsweep.core.nn.Architecture;
import org.initsweep.core.nn.Network;
import org.initsweep.core.optim.Optimizer;
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

/**
 * Trains one run and records its traces: a {@link Network} of the run's {@link Architecture}, its
 * {@link OutputHead}'s loss, and an {@link Optimizer} (models: Tribuo's {@code AbstractSGDTrainer}
 * over an objective and a {@code StochasticGradientOptimiser}).
 *
 * <p>Every epoch e = 0..epochs starts by evaluating the whole training set (loss and accuracy "after e
 * epochs"; e = 0 is the network at initialization); at recorded epochs a backward pass on the whole
 * set gives the layer traces. Then one epoch of training follows: with {@code batch_size = samples}
 * the evaluation pass's gradients are the step's (full-batch gradient descent, no extra work);
 * otherwise the set is shuffled and walked in mini-batches.
 *
 * <p>Determinism: data come from (dataset, seed); weights from a {@link SplittableRandom} seeded
 * with {@link RunSpec#weightSeed()} — the seed alone, so runs of one seed start from the same
 * draws — through {@link org.initsweep.core.init.Gaussian} (not ND4J's RNG); the mini-batch order
 * from a stream split off it before the weights are drawn. With ND4J at one thread the result is
 * bit-identical wherever it runs.
 *
 * <p>A loss or layer that becomes NaN/Inf stops the run with status {@code diverged}; it never
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
     * Trains and traces one run, then hands the trained network to {@code atEnd} (for inspection in
     * tests and notebooks; it must not be kept past the call: the thread's next run of the same shape
     * reuses it, see {@link NetCache}).
     *
     * @param run     the run
     * @param outputs histograms and decision boundaries to produce
     * @param atEnd   receives the network after the last epoch reached
     * @return the result, never null; diverged runs included
     */
    public static RunResult train(RunSpec run, Outputs outputs, Consumer<Network> atEnd) {
        long start = System.nanoTime();
        Dataset data = Datasets.generate(run.dataset(), run.samples(), run.width(), run.seed());
        int n = data.samples();
        int dim = data.dim();
        int[] labels = data.labels();
        OutputHead head = OutputHead.forClasses(2);
        Architecture arch = Architecture.of(dim, run.hidden(), run.activation(), head);

        NetCache.Entry reused = NetCache.acquire(arch, run.precision() == Precision.FLOAT64, n);
        Network net = reused.net();
        Network.Pass all = reused.pass();
        System.arraycopy(data.x(), 0, all.input(), 0, n * dim);
        System.arraycopy(labels, 0, all.labels(), 0, n);
        all.inputChanged();
        // One stream per run, split before drawing: the mini-batch order is independent of the weights.
        SplittableRandom rng = new SplittableRandom(run.weightSeed());
        SplittableRandom shuffle = rng.split();
        net.initialize((l, fanIn, fanOut, w, b) -> {
            WeightInitializer.fill(w, fanIn, fanOut, run.init(), run.multiplier(), rng);
            WeightInitializer.fillBias(b, fanOut, run.sigmaB2(), rng);
        });
        Optimizer.Stepper optimizer = run.optimizer().start(net.parameters(), run.learningRate());

        Set<Integer> recorded = new HashSet<>(run.recordEpochs());
        boolean fullBatch = run.batchSize() >= n;
        Network.Pass mini = fullBatch ? null : net.newPass(run.batchSize());
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
            // Every layer's Z and dA only where traces read them (see Network.Pass#keepAll).
            all.keepAll(record);
            net.forward(all);
            double[] zOut = all.toDoubles(Network.Buffer.Z, net.layers());
            double loss = head.loss(zOut, labels);
            double acc = head.accuracy(zOut, labels);
            metrics.add(new EpochMetrics(epoch, loss, acc));
            boolean step = epoch < run.epochs();
            if (!Double.isFinite(loss)) {
                status = RunStatus.DIVERGED;
                divergedEpoch = epoch;
                if (!record) {
                    all.keepAll(true); // the same pass again, keeping every Z, to find the first bad layer
                    net.forward(all);
                }
                divergedLayer = firstNonFiniteLayer(net, all);
                if (record) {
                    net.backward(all);
                    TraceRecorder.record(epoch, net, all, labels, traces);
                    if (outputs.histograms()) {
                        TraceRecorder.histograms(epoch, net, all, histograms);
                    }
                }
                break;
            }
            if (record || (step && fullBatch)) {
                net.backward(all);
            }
            if (record) {
                TraceRecorder.record(epoch, net, all, labels, traces);
                if (outputs.histograms()) {
                    TraceRecorder.histograms(epoch, net, all, histograms);
                }
            }
            if (!step) {
                break;
            }
            if (fullBatch) {
                optimizer.step();
            } else {
                miniBatchEpoch(net, mini, data.x(), labels, dim, shuffle, optimizer);
            }
        }
        DecisionBoundary boundary = outputs.boundaries() && dim == 2 ? boundary(net) : null;
        atEnd.accept(net);
        EpochMetrics last = metrics.get(metrics.size() - 1);
        long ms = (System.nanoTime() - start) / 1_000_000;
        return new RunResult(run, run.runId(), status, divergedEpoch, divergedLayer, last.loss(),
                last.accuracy(), ms, net.kernelName(), data.inputVariance(), traces, metrics, histograms, boundary);
    }

    /** P(class 1) of a two-class network on the standard grid over the input plane. */
    static DecisionBoundary boundary(Network net) {
        int steps = DecisionBoundary.STEPS;
        DecisionBoundary grid = new DecisionBoundary(DecisionBoundary.MIN, DecisionBoundary.MAX, steps, new float[0]);
        Network.Pass pass = net.newPass(steps * steps);
        float[] points = pass.input();
        for (int i2 = 0; i2 < steps; i2++) {
            for (int i1 = 0; i1 < steps; i1++) {
                points[2 * (i2 * steps + i1)] = (float) grid.coordinate(i1);
                points[2 * (i2 * steps + i1) + 1] = (float) grid.coordinate(i2);
            }
        }
        pass.inputChanged();
        net.forward(pass);
        double[] a = pass.toDoubles(Network.Buffer.A, net.layers());
        float[] p = new float[a.length];
        for (int i = 0; i < a.length; i++) {
            p[i] = (float) a[i];
        }
        return new DecisionBoundary(grid.min(), grid.max(), steps, p);
    }

    private static void miniBatchEpoch(Network net, Network.Pass mini, float[] x, int[] y, int dim,
            SplittableRandom shuffle, Optimizer.Stepper optimizer) {
        int n = y.length;
        int[] order = permutation(n, shuffle);
        int bs = mini.batch();
        float[] in = mini.input();
        int[] labels = mini.labels();
        // Batches are full-sized; the last n mod bs examples of this epoch's order are skipped,
        // and reshuffling makes every example count equally over epochs.
        for (int start = 0; start + bs <= n; start += bs) {
            for (int r = 0; r < bs; r++) {
                int row = order[start + r];
                System.arraycopy(x, row * dim, in, r * dim, dim);
                labels[r] = y[row];
            }
            mini.inputChanged();
            net.forward(mini);
            net.backward(mini);
            optimizer.step();
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
    static int firstNonFiniteLayer(Network net, Network.Pass pass) {
        for (int l = 1; l <= net.layers(); l++) {
            // Entry by entry: a float32 sum of finite entries overflows long before they do.
            for (double v : pass.toDoubles(Network.Buffer.Z, l)) {
                if (!Double.isFinite(v)) {
                    return l;
                }
            }
        }
        return 0;
    }
}
