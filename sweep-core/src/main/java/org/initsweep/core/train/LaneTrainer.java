package org.initsweep.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.initsweep.core.SystemProperties;
import org.initsweep.core.data.DataShape;
import org.initsweep.core.data.LabeledData;
import org.initsweep.core.head.OutputHead;
import org.initsweep.core.init.WeightInitializer;
import org.initsweep.core.nn.Architecture;
import org.initsweep.core.nn.Kernel;
import org.initsweep.core.nn.LaneNetwork;
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
 * Trains up to {@link LaneNetwork#lanes()} runs of one shape together, one per vector lane of a
 * {@link LaneNetwork}, and returns for each the {@link RunResult} {@link Trainer#train} returns for it
 * alone: the same metrics, traces, divergence epoch and layer, histograms, Jacobian and decision boundary,
 * bit for bit (only {@code durationMs}, the group's time shared out, and {@code kernel} differ).
 *
 * <p>Lanes carry the epochs' work: forward, the head's loss and delta per run, backward and the
 * optimizer's step. A run's record epochs, its divergence and its end are handled by copying the run into
 * a {@link org.initsweep.core.nn.FloatNetwork} (whose passes give the same bits, see {@link LaneNetwork})
 * and running {@link Trainer}'s own recording code on it, so there is one definition of a trace.
 *
 * <p>Runs share a lane network when their {@link Key}s are equal: the architecture, the training and test
 * sizes, the epochs, the record epochs, the optimizer and the learning rate. Seeds (and so data and
 * weights), multipliers, init schemes and bias variances differ freely. Full-batch float32 training with
 * the Vector API only; everything else is {@link Trainer#train}'s.
 */
final class LaneTrainer {

    /** System property: the largest fan_in·fan_out of a layer trained in lanes. */
    static final String MAX_PARAMS_PROPERTY = "initsweep.laneMaxParams";

    /** Default of {@link #MAX_PARAMS_PROPERTY}: up to width 32 (widths 64 and up are as fast alone). */
    static final int DEFAULT_MAX_PARAMS = 32 * 32;

    /** The most bytes one lane group's network and passes may hold. */
    static final long MAX_BYTES = 64L << 20;

    private LaneTrainer() {
    }

    /** What runs must share to be trained in one {@link LaneNetwork}. */
    record Key(Architecture arch, int samples, int testSamples, int epochs, List<Integer> recordEpochs,
            Optimizer optimizer, double learningRate) {
    }

    /**
     * The run's lane key, or null when it trains alone (not float32 full-batch, too wide or too big).
     *
     * @param data the run's data ({@link RunDatasets#of}: its sizes, not {@link RunDatasets#shape}'s estimate)
     */
    static Key key(RunSpec run, RunData data) {
        if (!LaneNetwork.available()) {
            return null;
        }
        LabeledData train = data.train();
        return key(run, new DataShape(train.features(), train.samples(), data.test() == null ? 0 : data.test().samples(),
                train.classes()));
    }

    /**
     * Whether the run might train in lanes, from what does not need its data: the engine, the precision and
     * the layer sizes ({@link RunDatasets#shape}'s features and classes are exact). False means alone for
     * sure, so {@link RunBatches#plan} need not prepare a big dataset only to learn that.
     */
    static boolean mayShare(RunSpec run, DataShape shape) {
        return LaneNetwork.available() && run.precision() == Precision.FLOAT32 && layersFit(architecture(run, shape));
    }

    private static Architecture architecture(RunSpec run, DataShape shape) {
        return Architecture.of(shape.features(), run.hidden(), run.activation(), OutputHead.forClasses(shape.classes()));
    }

    /** Alone, every layer must run in the Vector API kernel too: its bits are the ones lanes reproduce. */
    private static boolean layersFit(Architecture arch) {
        int maxParams = Math.min(SystemProperties.intValue(MAX_PARAMS_PROPERTY, DEFAULT_MAX_PARAMS, 0),
                Kernel.vectorMaxParams());
        for (int l = 1; l <= arch.layers(); l++) {
            if ((long) arch.units(l - 1) * arch.units(l) > maxParams) {
                return false;
            }
        }
        return true;
    }

    private static Key key(RunSpec run, DataShape shape) {
        if (!LaneNetwork.available() || run.precision() != Precision.FLOAT32) {
            return null;
        }
        int n = shape.trainSamples();
        boolean fullBatch = run.batchSize() == 0 || run.batchSize() >= n;
        if (!fullBatch || n > Trainer.MAX_PASS_ROWS || shape.testSamples() > Trainer.MAX_PASS_ROWS) {
            return null;
        }
        Architecture arch = architecture(run, shape);
        if (!layersFit(arch)) {
            return null;
        }
        if (bytes(arch, n, shape.testSamples()) > MAX_BYTES) {
            return null;
        }
        return new Key(arch, n, shape.testSamples(), run.epochs(), run.recordEpochs(), run.optimizer(),
                run.learningRate());
    }

    /** Parameters, gradients and both passes' buffers of a lane network. */
    static long bytes(Architecture arch, int samples, int testSamples) {
        long units = 0;
        for (int l = 0; l <= arch.layers(); l++) {
            units += arch.units(l);
        }
        return 4L * LaneNetwork.lanes() * (2 * arch.weights() + 3 * units * (samples + (long) testSamples));
    }

    /**
     * @param runs 1..{@link LaneNetwork#lanes()} runs of one {@link Key}
     * @return their results, in order
     * @throws IllegalArgumentException if the runs do not share a key or are too many
     */
    static List<RunResult> train(List<RunSpec> runs, Outputs outputs, RunDatasets datasets) {
        long start = System.nanoTime();
        int count = runs.size();
        if (count < 1 || count > LaneNetwork.lanes()) {
            throw new IllegalArgumentException(count + " runs for " + LaneNetwork.lanes() + " lanes");
        }
        RunData[] data = new RunData[count];
        for (int r = 0; r < count; r++) {
            data[r] = datasets.of(runs.get(r));
        }
        Key key = key(runs.get(0), data[0]);
        for (int r = 0; r < count; r++) {
            RunSpec run = runs.get(r);
            if (key == null || !key.equals(key(run, data[r]))) {
                throw new IllegalArgumentException("run " + run.runId() + " does not share the lane key of " + runs.get(0).runId());
            }
        }
        Architecture arch = key.arch();
        OutputHead head = arch.head();
        int n = key.samples();
        int nTest = key.testSamples();
        int outUnits = head.units();

        Buffers buffers = Buffers.of(key);
        LaneNetwork net = buffers.net();
        net.clear();
        LaneNetwork.Pass all = buffers.train();
        LaneNetwork.Pass held = buffers.test();
        int[][] traced = new int[count][];
        for (int r = 0; r < count; r++) {
            RunSpec run = runs.get(r);
            LabeledData train = data[r].train();
            all.input(r, train.x(), 0);
            traced[r] = Arrays.copyOf(train.y(), n);
            if (held != null) {
                held.input(r, data[r].test().x(), 0);
            }
            // As Trainer: the shuffle stream is split off first, then the weights are drawn.
            SplittableRandom rng = new SplittableRandom(run.weightSeed());
            rng.split();
            net.initialize(r, (l, fanIn, fanOut, w, b) -> {
                WeightInitializer.fill(w, fanIn, fanOut, run.init(), run.multiplier(), rng);
                WeightInitializer.fillBias(b, fanOut, run.sigmaB2(), rng);
            });
        }
        Optimizer.Stepper optimizer = key.optimizer().start(net.parameters(), key.learningRate());
        NetCache.Entry twin = NetCache.acquire(arch, false, n);
        Network.Pass twinPass = twin.pass();
        Set<Integer> recorded = new HashSet<>(key.recordEpochs());

        Lane[] lanes = new Lane[count];
        for (int r = 0; r < count; r++) {
            lanes[r] = new Lane();
        }
        float[] z = new float[n * outUnits];
        double[] zd = new double[n * outUnits];
        float[] act = new float[n * outUnits];
        float[] delta = new float[n * outUnits];
        float[] zt = new float[nTest * outUnits];
        double[] ztd = new double[nTest * outUnits];
        int active = count;
        for (int epoch = 0; epoch <= key.epochs() && active > 0; epoch++) {
            boolean record = recorded.contains(epoch);
            boolean step = epoch < key.epochs();
            all.keepAll(record);
            net.forward(all);
            if (held != null) {
                net.forward(held);
            }
            boolean backward = false;
            for (int r = 0; r < count; r++) {
                Lane lane = lanes[r];
                if (lane.done) {
                    continue;
                }
                all.output(r, z);
                widen(z, zd);
                double loss = head.loss(zd, traced[r]);
                double accuracy = head.accuracy(zd, traced[r]);
                double heldLoss = Double.NaN;
                double heldAccuracy = Double.NaN;
                if (held != null) {
                    held.output(r, zt);
                    widen(zt, ztd);
                    int[] y = data[r].test().y();
                    // Trainer's Evaluation over one chunk: a sum of chunk means weighted by rows, over rows.
                    double sum = 0;
                    double right = 0;
                    sum += head.loss(ztd, y) * nTest;
                    right += head.accuracy(ztd, y) * nTest;
                    heldLoss = sum / nTest;
                    heldAccuracy = right / nTest;
                }
                lane.metrics.add(new EpochMetrics(epoch, loss, accuracy, heldLoss, heldAccuracy));
                if (!Double.isFinite(loss)) {
                    diverged(lane, epoch, record, net, r, data[r].train(), traced[r], outputs, twin.net(), twinPass);
                    active--;
                    continue;
                }
                if (record || step) {
                    head.activate(z, act, n);
                    head.delta(act, traced[r], delta, n);
                    all.outputDelta(r, delta);
                    backward = true;
                }
            }
            if (backward) {
                net.backward(all);
            }
            for (int r = 0; r < count; r++) {
                Lane lane = lanes[r];
                if (lane.done) {
                    continue;
                }
                if (record) {
                    Trainer.feed(twinPass, data[r].train(), 0);
                    twinPass.keepAll(true);
                    net.copyTo(r, all, twin.net(), twinPass);
                    lane.recorded.record(epoch, twin.net(), twinPass, traced[r], outputs, true);
                }
                if (!step) {
                    finish(lane, net, r, outputs, twin.net());
                    active--;
                }
            }
            if (!step || active == 0) {
                break;
            }
            optimizer.step();
        }
        long ms = (System.nanoTime() - start) / 1_000_000 / count;
        List<RunResult> out = new ArrayList<>(count);
        for (int r = 0; r < count; r++) {
            RunSpec run = runs.get(r);
            Lane lane = lanes[r];
            EpochMetrics last = lane.metrics.get(lane.metrics.size() - 1);
            RunData d = data[r];
            RunResult.DataSummary summary = new RunResult.DataSummary(arch.units(0), d.train().classes(), n,
                    d.test() == null ? 0 : d.test().samples(), d.sha256(), d.testFraction());
            out.add(new RunResult(run, run.runId(), lane.status, lane.divergedEpoch, lane.divergedLayer, last.loss(),
                    last.accuracy(), ms, net.kernelName(), d.inputVar(), summary, lane.recorded.traces, lane.metrics,
                    lane.recorded.histograms, lane.boundary, lane.recorded.jacobian));
        }
        return out;
    }

    /**
     * A run whose loss is not finite: as {@link Trainer}, the first layer with a non-finite Z and, at a record
     * epoch, its traces, from the run copied into a {@link org.initsweep.core.nn.FloatNetwork} and passed again.
     */
    private static void diverged(Lane lane, int epoch, boolean record, LaneNetwork net, int r, LabeledData train,
            int[] labels, Outputs outputs, Network twin, Network.Pass pass) {
        lane.status = RunStatus.DIVERGED;
        lane.divergedEpoch = epoch;
        load(net, r, train, twin, pass);
        twin.forward(pass);
        lane.divergedLayer = Trainer.firstNonFiniteLayer(twin, pass);
        if (record) {
            twin.backward(pass);
            lane.recorded.record(epoch, twin, pass, labels, outputs, false);
        }
        finish(lane, net, r, outputs, twin);
    }

    /** A run's last state: its decision boundary, from its final weights, where asked for. */
    private static void finish(Lane lane, LaneNetwork net, int r, Outputs outputs, Network twin) {
        lane.done = true;
        Architecture arch = net.architecture();
        if (outputs.boundaries() && arch.units(0) == 2) {
            net.copyTo(r, twin);
            lane.boundary = Trainer.boundary(twin);
        }
    }

    /** Run r's parameters and training rows into the twin, keeping every Z and dA for the traces. */
    private static void load(LaneNetwork net, int r, LabeledData train, Network twin, Network.Pass pass) {
        net.copyTo(r, twin);
        Trainer.feed(pass, train, 0);
        pass.keepAll(true);
    }

    private static void widen(float[] from, double[] to) {
        for (int i = 0; i < from.length; i++) {
            to[i] = from[i];
        }
    }

    /**
     * A lane network and its passes, kept per thread for the next group of the same key: a sweep's groups
     * mostly share one, and new buffers of a few MB per group would be most of a short group's allocation.
     */
    private record Buffers(Key key, LaneNetwork net, LaneNetwork.Pass train, LaneNetwork.Pass test) {
        private static final ThreadLocal<Buffers> LAST = new ThreadLocal<>();

        static Buffers of(Key key) {
            Buffers last = LAST.get();
            if (last != null && last.key().arch().equals(key.arch()) && last.key().samples() == key.samples()
                    && last.key().testSamples() == key.testSamples()) {
                return last;
            }
            LaneNetwork net = new LaneNetwork(key.arch());
            Buffers made = new Buffers(key, net, net.newPass(key.samples()),
                    key.testSamples() > 0 ? net.newPass(key.testSamples()) : null);
            LAST.set(made);
            return made;
        }
    }

    /** One run's progress and results. */
    private static final class Lane {
        final List<EpochMetrics> metrics = new ArrayList<>();
        final Recorded recorded = new Recorded();
        RunStatus status = RunStatus.OK;
        int divergedEpoch = -1;
        int divergedLayer = -1;
        DecisionBoundary boundary;
        boolean done;
    }
}
