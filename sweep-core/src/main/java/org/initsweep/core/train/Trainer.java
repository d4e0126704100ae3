package org.initsweep.core.train;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.initsweep.core.SystemProperties;
import org.initsweep.core.UserInputException;
import org.initsweep.core.data.LabeledData;
import org.initsweep.core.head.OutputHead;
import org.initsweep.core.init.WeightInitializer;
import org.initsweep.core.nn.Architecture;
import org.initsweep.core.nn.Kernel;
import org.initsweep.core.nn.Network;
import org.initsweep.core.optim.Optimizer;
import org.initsweep.core.spec.Outputs;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.trace.DecisionBoundary;
import org.initsweep.core.trace.EpochMetrics;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.trace.RunStatus;

/**
 * Trains one run and records its traces: a {@link Network} of the run's {@link Architecture}, the
 * {@link OutputHead} for its dataset's K classes, and its {@link Optimizer} (models: Tribuo's
 * {@code AbstractSGDTrainer} over an objective and a {@code StochasticGradientOptimiser}).
 *
 * <p>Every epoch e = 0..epochs starts by evaluating the training set and, where the run has one, the
 * test set (loss and top-1 accuracy "after e epochs"; e = 0 is the network at initialization). At
 * recorded epochs a backward pass gives the layer traces, over the whole training set or, for sets of
 * more than {@link #MAX_PASS_ROWS} examples, over its first {@link #MAX_PASS_ROWS}. Then one epoch of
 * training follows: with {@code batch_size = samples} the evaluation pass's gradients are the step's
 * (full-batch gradient descent, no extra work); otherwise the set is shuffled and walked in
 * mini-batches. Larger sets are evaluated in chunks of at most {@link #MAX_PASS_ROWS} rows.
 *
 * <p>Determinism: data come from (dataset, seed); weights from a {@link SplittableRandom} seeded
 * with {@link RunSpec#weightSeed()} — the seed alone, so runs of one seed start from the same
 * draws — through {@link org.initsweep.core.init.Gaussian} (not ND4J's RNG); the mini-batch order
 * from a stream split off it before the weights are drawn. With ND4J at one thread the result is
 * bit-identical wherever it runs.
 *
 * <p>A loss or layer that becomes NaN/Inf stops the run with status {@code diverged}: a diverging
 * network is a result, not an exception. The only input a run refuses is one no run could train
 * (a {@link org.initsweep.core.UserInputException} from {@link #train}).
 */
public final class Trainer {

    /**
     * Most rows in one pass over the network: larger training sets are evaluated in chunks and traced on
     * their first rows, which bounds a run's buffers (784-256×5-10 at 4096 rows: 97 MiB).
     */
    public static final int MAX_PASS_ROWS = 4096;

    private Trainer() {
    }

    /** Trains and traces one run on generated data. */
    public static RunResult train(RunSpec run) {
        return train(run, Outputs.NONE, RunDatasets.GENERATED, net -> { });
    }

    /** Trains and traces one run on generated data, with optional extra outputs. */
    public static RunResult train(RunSpec run, Outputs outputs) {
        return train(run, outputs, RunDatasets.GENERATED, net -> { });
    }

    /** As {@link #train(RunSpec, Outputs, RunDatasets, Consumer)} on generated data. */
    public static RunResult train(RunSpec run, Outputs outputs, Consumer<Network> atEnd) {
        return train(run, outputs, RunDatasets.GENERATED, atEnd);
    }

    /**
     * Every {@code -Dinitsweep.…} property a sweep reads: the tuning knobs (docs/benchmarks.md) and the
     * MNIST download's mirrors and checksums.
     */
    public static final List<String> SYSTEM_PROPERTIES = java.util.stream.Stream.concat(Kernel.PROPERTIES.stream(),
            java.util.stream.Stream.of(LaneTrainer.MAX_PARAMS_PROPERTY, RunDatasets.CACHE_BYTES_PROPERTY,
                    org.initsweep.core.data.Mnist.MIRRORS_PROPERTY, org.initsweep.core.data.Mnist.CHECKSUMS_PROPERTY))
            .toList();

    /**
     * Refuses an {@code initsweep.…} property that {@link #SYSTEM_PROPERTIES} does not name (a misspelt
     * knob), then reads every tuning property of the engine (docs/benchmarks.md:
     * {@code initsweep.kernel}, {@code javaMaxParams}, {@code vectorMaxParams}, {@code vectorBits},
     * {@code laneMaxParams}, {@code dataCacheBytes}), so that a driver refuses an unusable value before it
     * writes anything, rather than a task on its first run.
     *
     * @throws UserInputException naming the first unknown property, or the first whose value cannot be used
     */
    public static void checkSystemProperties() {
        SystemProperties.refuseUnknown(SYSTEM_PROPERTIES);
        Kernel.checkSystemProperties();
        SystemProperties.intValue(LaneTrainer.MAX_PARAMS_PROPERTY, 0, 0);
        SystemProperties.integer(RunDatasets.CACHE_BYTES_PROPERTY, 0, 0);
    }

    /**
     * Trains and traces one run, then hands the trained network to {@code atEnd} (for inspection in
     * tests and notebooks; it must not be kept past the call: the thread's next run of the same shape
     * reuses it, see {@link NetCache}).
     *
     * @param run      the run
     * @param outputs  histograms and decision boundaries to produce
     * @param datasets the sweep's datasets
     * @param atEnd    receives the network after the last epoch reached
     * @return the result, never null; diverged runs included
     * @throws UserInputException if the run asks for full-batch training of more than
     *                            {@link #MAX_PASS_ROWS} examples, or for more examples than its dataset has
     */
    public static RunResult train(RunSpec run, Outputs outputs, RunDatasets datasets, Consumer<Network> atEnd) {
        long start = System.nanoTime();
        RunData data = datasets.of(run);
        LabeledData train = data.train();
        int n = train.samples();
        int dim = train.features();
        boolean fullBatch = run.batchSize() == 0 || run.batchSize() >= n;
        if (fullBatch && n > MAX_PASS_ROWS) {
            throw new UserInputException("batch_size: full-batch training over " + n + " examples of " + run.dataset().name()
                    + " would hold them all in one pass; give a batch_size of at most " + MAX_PASS_ROWS);
        }
        OutputHead head = OutputHead.forClasses(train.classes());
        Architecture arch = Architecture.of(dim, run.hidden(), run.activation(), head);
        int passRows = Math.min(n, MAX_PASS_ROWS);
        boolean chunked = passRows < n;

        NetCache.Entry reused = NetCache.acquire(arch, run.precision() == Precision.FLOAT64, passRows);
        Network net = reused.net();
        Network.Pass all = reused.pass();
        feed(all, train, 0);
        int[] traced = java.util.Arrays.copyOf(train.y(), passRows);
        // One stream per run, split before drawing: the mini-batch order is independent of the weights.
        SplittableRandom rng = new SplittableRandom(run.weightSeed());
        SplittableRandom shuffle = rng.split();
        net.initialize((l, fanIn, fanOut, w, b) -> {
            WeightInitializer.fill(w, fanIn, fanOut, run.init(), run.multiplier(), rng);
            WeightInitializer.fillBias(b, fanOut, run.sigmaB2(), rng);
        });
        Optimizer.Stepper optimizer = run.optimizer().start(net.parameters(), run.learningRate());

        Set<Integer> recorded = new HashSet<>(run.recordEpochs());
        Network.Pass mini = fullBatch ? null : reused.pass("train", run.batchSize());
        if (mini != null) {
            mini.keepAll(false); // only trains: nothing reads its Z or dA
        }
        Evaluation trainEval = chunked ? new Evaluation(all, reused, "train-tail", train) : null;
        Evaluation testEval = data.test() == null ? null
                : new Evaluation(reused.pass("test", Math.min(data.test().samples(), MAX_PASS_ROWS)), reused, "test-tail",
                        data.test());
        Recorded recordings = new Recorded();
        List<EpochMetrics> metrics = new ArrayList<>();
        RunStatus status = RunStatus.OK;
        int divergedEpoch = -1;
        int divergedLayer = -1;

        for (int epoch = 0; epoch <= run.epochs(); epoch++) {
            boolean record = recorded.contains(epoch);
            double[] fit;
            if (chunked) {
                fit = trainEval.run(net);
                if (record || !Double.isFinite(fit[0])) {
                    feed(all, train, 0); // the traced rows: the first MAX_PASS_ROWS
                }
            } else {
                // Every layer's Z and dA only where traces read them (see Network.Pass#keepAll).
                all.keepAll(record);
                net.forward(all);
                double[] zOut = all.toDoubles(Network.Buffer.Z, net.layers());
                fit = new double[] {head.loss(zOut, traced), head.accuracy(zOut, traced)};
            }
            double[] held = testEval == null ? new double[] {Double.NaN, Double.NaN} : testEval.run(net);
            metrics.add(new EpochMetrics(epoch, fit[0], fit[1], held[0], held[1]));
            boolean step = epoch < run.epochs();
            if (!Double.isFinite(fit[0])) {
                status = RunStatus.DIVERGED;
                divergedEpoch = epoch;
                if (chunked || !record) {
                    all.keepAll(true); // the traced rows again, keeping every Z, to find the first bad layer
                    net.forward(all);
                }
                divergedLayer = firstNonFiniteLayer(net, all);
                if (record) {
                    net.backward(all);
                    recordings.record(epoch, net, all, traced, outputs, false);
                }
                break;
            }
            if (chunked && record) {
                all.keepAll(true);
                net.forward(all);
            }
            if (record || (step && fullBatch)) {
                net.backward(all);
            }
            if (record) {
                recordings.record(epoch, net, all, traced, outputs, true);
            }
            if (!step) {
                break;
            }
            if (fullBatch) {
                optimizer.step();
            } else {
                miniBatchEpoch(net, mini, train, shuffle, optimizer);
            }
        }
        DecisionBoundary boundary = outputs.boundaries() && dim == 2 ? boundary(net) : null;
        atEnd.accept(net);
        EpochMetrics last = metrics.get(metrics.size() - 1);
        long ms = (System.nanoTime() - start) / 1_000_000;
        RunResult.DataSummary summary = new RunResult.DataSummary(dim, train.classes(), n,
                data.test() == null ? 0 : data.test().samples(), data.sha256(), data.testFraction());
        return new RunResult(run, run.runId(), status, divergedEpoch, divergedLayer, last.loss(), last.accuracy(), ms,
                net.kernelName(), data.inputVar(), summary, recordings.traces, metrics, recordings.histograms, boundary,
                recordings.jacobian);
    }

    /** Writes rows [from, from + batch) of {@code data} into a pass. */
    static void feed(Network.Pass pass, LabeledData data, int from) {
        int rows = pass.batch();
        int f = data.features();
        System.arraycopy(data.x(), from * f, pass.input(), 0, rows * f);
        System.arraycopy(data.y(), from, pass.labels(), 0, rows);
        pass.inputChanged();
    }

    /**
     * Loss and accuracy over a dataset in chunks of at most {@link #MAX_PASS_ROWS} rows, in passes kept
     * with the network: the mean loss is Σ_chunks rows·loss / n, so it equals one pass over all rows up
     * to the order of the sum.
     */
    private static final class Evaluation {
        private final LabeledData data;
        private final Network.Pass chunk;
        private final Network.Pass rest;

        /** @param chunk a pass of min(rows, {@link #MAX_PASS_ROWS}) rows; the rest, if any, gets a pass of its own */
        Evaluation(Network.Pass chunk, NetCache.Entry entry, String restRole, LabeledData data) {
            this.data = data;
            int tail = data.samples() % chunk.batch();
            this.chunk = chunk;
            this.rest = tail == 0 ? null : entry.pass(restRole, tail);
            chunk.keepAll(false);
            if (rest != null) {
                rest.keepAll(false);
            }
        }

        /** {loss, accuracy}; NaN where an output is NaN. */
        double[] run(Network net) {
            OutputHead head = net.head();
            double loss = 0;
            double right = 0;
            int n = data.samples();
            for (int from = 0; from < n; ) {
                Network.Pass p = n - from >= chunk.batch() ? chunk : rest;
                feed(p, data, from);
                net.forward(p);
                double[] z = p.toDoubles(Network.Buffer.Z, net.layers());
                int[] y = p.labels();
                loss += head.loss(z, y) * p.batch();
                right += head.accuracy(z, y) * p.batch();
                from += p.batch();
            }
            return new double[] {loss / n, right / n};
        }
    }

    /** The network's class probabilities on the standard grid over the input plane (2 inputs). */
    static DecisionBoundary boundary(Network net) {
        int steps = DecisionBoundary.STEPS;
        OutputHead head = net.architecture().head();
        int k = head.classes();
        DecisionBoundary grid = new DecisionBoundary(DecisionBoundary.MIN, DecisionBoundary.MAX, steps, k,
                new float[0]);
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
        float[] p = new float[steps * steps * k];
        if (head.units() == 1) {
            for (int i = 0; i < a.length; i++) {
                p[2 * i] = 1 - (float) a[i];
                p[2 * i + 1] = (float) a[i];
            }
        } else {
            for (int i = 0; i < a.length; i++) {
                p[i] = (float) a[i];
            }
        }
        return new DecisionBoundary(grid.min(), grid.max(), steps, k, p);
    }

    private static void miniBatchEpoch(Network net, Network.Pass mini, LabeledData train, SplittableRandom shuffle,
            Optimizer.Stepper optimizer) {
        int n = train.samples();
        int dim = train.features();
        float[] x = train.x();
        int[] y = train.y();
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
