package org.initsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.data.DatasetLoader;
import org.initsweep.core.data.DatasetSource;
import org.initsweep.core.data.MemoryBudget;
import org.initsweep.core.data.PathOpener;
import org.initsweep.core.data.Preprocessing;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.nn.LaneNetwork;
import org.initsweep.core.optim.Adam;
import org.initsweep.core.optim.Momentum;
import org.initsweep.core.optim.RmsProp;
import org.initsweep.core.optim.Optimizer;
import org.initsweep.core.optim.Sgd;
import org.initsweep.core.spec.Outputs;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.spec.Widths;
import org.initsweep.core.trace.RunResult;
import org.initsweep.core.trace.RunStatus;
import org.junit.jupiter.api.Test;

/**
 * {@link LaneTrainer} through {@link RunBatches}: every run trained in lanes returns what
 * {@link Trainer#train} returns for it alone — metrics every epoch, traces, histograms, Jacobian,
 * decision boundary, divergence epoch and layer — and the same whatever runs share its batch.
 */
class LaneTrainerTest {

    private static final Outputs ALL = new Outputs(true, true, true);

    private static RunSpec generated(Activation phi, InitScheme init, double m, double sigmaB2, long seed, double lr,
            Double testFraction, Optimizer optimizer) {
        return new RunSpec("lanes", 4, Widths.of(4), phi, InitSpec.of(init), m, sigmaB2,
                new DatasetSource.Generated(DatasetKind.CIRCLES), seed, 64, 12, lr, 0, List.of(0, 5, 12), Precision.FLOAT32,
                optimizer, testFraction, Preprocessing.STANDARDIZE);
    }

    @Test
    void everyRunEqualsItselfTrainedAloneIncludingDivergedOnes() {
        assumeTrue(LaneNetwork.available(), "no Vector API here");
        List<RunSpec> runs = new ArrayList<>();
        long seed = 1;
        for (double m : new double[] {0.5, 1, 2, 1e4}) {
            for (InitScheme init : new InitScheme[] {InitScheme.SCALED_NORMAL, InitScheme.ORTHOGONAL, InitScheme.HE_NORMAL}) {
                runs.add(generated(Activation.RELU, init, m, seed % 2 == 0 ? 0.05 : 0, seed++, 5.0, null, new Sgd()));
            }
        }
        List<RunResult> lanes = trainInBatches(runs, RunDatasets.GENERATED, ALL);
        int diverged = 0;
        for (int i = 0; i < runs.size(); i++) {
            RunResult alone = Trainer.train(runs.get(i), ALL);
            assertSame(alone, lanes.get(i));
            diverged += alone.status() == RunStatus.DIVERGED ? 1 : 0;
        }
        assertTrue(diverged > 0 && diverged < runs.size(), diverged + " of " + runs.size() + " diverged: both kinds needed");
        assertTrue(lanes.get(0).kernel().startsWith("lanes"), lanes.get(0).kernel());
    }

    @Test
    void heldOutMetricsAndStatefulOptimizersMatchToo() {
        assumeTrue(LaneNetwork.available(), "no Vector API here");
        List<RunSpec> runs = new ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            runs.add(generated(Activation.TANH, InitScheme.GLOROT_NORMAL, 1, 0.01, seed, 0.05, 0.25, Adam.DEFAULTS));
            runs.add(generated(Activation.TANH, InitScheme.SCALED_NORMAL, 1.5, 0, seed, 0.1, 0.25, new Momentum(0.9, true)));
            runs.add(generated(Activation.TANH, InitScheme.HE_NORMAL, 0.5, 0, seed, 0.005, 0.25, new RmsProp(0.9, 1e-8, true)));
        }
        List<RunResult> lanes = trainInBatches(runs, RunDatasets.GENERATED, ALL);
        for (int i = 0; i < runs.size(); i++) {
            assertSame(Trainer.train(runs.get(i), ALL), lanes.get(i));
        }
        assertTrue(Double.isFinite(lanes.get(0).epochs().get(12).testLoss()), "a test split was evaluated");
    }

    @Test
    void digitsInTenClassesWithUnequalWidths() {
        assumeTrue(LaneNetwork.available(), "no Vector API here");
        DatasetSource digits = new DatasetSource.DigitsData();
        DatasetLoader loader = DatasetLoader.of(PathOpener.local(), java.nio.file.Path.of("unused"), null);
        RunDatasets data = new RunDatasets(Map.of("digits", loader.load(digits, MemoryBudget.UNLIMITED)));
        List<RunSpec> runs = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            for (double m : new double[] {0.5, 1, 3}) {
                runs.add(new RunSpec("digits", 2, Widths.profile(new int[] {12, 6}), Activation.TANH,
                        InitSpec.of(InitScheme.SCALED_NORMAL), m, 0, digits, seed, 0, 6, 0.5, 0, List.of(0, 6),
                        Precision.FLOAT32, new Sgd(), null, Preprocessing.STANDARDIZE));
            }
        }
        List<RunResult> lanes = trainInBatches(runs, data, Outputs.NONE);
        for (int i = 0; i < runs.size(); i++) {
            assertSame(Trainer.train(runs.get(i), Outputs.NONE, data, net -> { }), lanes.get(i));
        }
        assertEquals(10, lanes.get(0).data().classes());
    }

    @Test
    void aRunsValuesDoNotDependOnItsBatch() {
        assumeTrue(LaneNetwork.available(), "no Vector API here");
        List<RunSpec> runs = new ArrayList<>();
        for (long seed = 1; seed <= 6; seed++) {
            runs.add(generated(Activation.TANH, InitScheme.SCALED_NORMAL, 0.5 + seed, 0, seed, 0.3, null, new Sgd()));
        }
        List<RunResult> together = trainInBatches(runs, RunDatasets.GENERATED, ALL);
        List<RunSpec> reversed = new ArrayList<>(runs);
        Collections.reverse(reversed);
        List<RunResult> backwards = LaneTrainer.train(reversed.subList(0, 4), ALL, RunDatasets.GENERATED);
        for (int i = 0; i < 4; i++) {
            assertSame(together.get(runs.size() - 1 - i), backwards.get(i));
        }
        assertSame(together.get(2), LaneTrainer.train(List.of(runs.get(2)), ALL, RunDatasets.GENERATED).get(0));
    }

    @Test
    void planGroupsRunsOfOneKeyInBatchesOfTheLanes() {
        assumeTrue(LaneNetwork.available(), "no Vector API here");
        int lanes = LaneNetwork.lanes();
        List<RunSpec> runs = new ArrayList<>();
        for (long seed = 1; seed <= lanes + 3; seed++) {
            runs.add(generated(Activation.TANH, InitScheme.SCALED_NORMAL, 1, 0, seed, 0.1, null, new Sgd()));
            runs.add(generated(Activation.RELU, InitScheme.SCALED_NORMAL, 1, 0, seed, 0.1, null, new Sgd()));
        }
        RunSpec miniBatch = new RunSpec("lanes", 4, Widths.of(4), Activation.TANH, InitSpec.of(InitScheme.SCALED_NORMAL),
                1, 0, new DatasetSource.Generated(DatasetKind.CIRCLES), 1, 64, 12, 0.1, 16, List.of(0),
                Precision.FLOAT32, new Sgd(), null, Preprocessing.STANDARDIZE);
        runs.add(3, miniBatch);
        RunSpec float64 = new RunSpec("lanes", 4, Widths.of(4), Activation.TANH, InitSpec.of(InitScheme.SCALED_NORMAL),
                1, 0, new DatasetSource.Generated(DatasetKind.CIRCLES), 1, 64, 12, 0.1, 0, List.of(0),
                Precision.FLOAT64, new Sgd(), null, Preprocessing.STANDARDIZE);
        runs.add(float64);
        assertNull(LaneTrainer.key(miniBatch, RunDatasets.GENERATED.of(miniBatch)), "mini-batch runs train alone");
        assertNull(LaneTrainer.key(float64, RunDatasets.GENERATED.of(float64)), "float64 runs train alone");
        assertTrue(!LaneTrainer.mayShare(float64, RunDatasets.GENERATED.shape(float64)), "known alone before its data");
        assertTrue(LaneTrainer.mayShare(miniBatch, RunDatasets.GENERATED.shape(miniBatch)), "mini-batch needs the sizes");
        assertNotNull(LaneTrainer.key(runs.get(0), RunDatasets.GENERATED.of(runs.get(0))));
        RunSpec big = new RunSpec("lanes", 9, Widths.of(32), Activation.TANH, InitSpec.of(InitScheme.SCALED_NORMAL), 1, 0,
                new DatasetSource.Generated(DatasetKind.CIRCLES), 1, 4096, 2, 0.1, 0, List.of(0), Precision.FLOAT32,
                new Sgd(), null, Preprocessing.STANDARDIZE);
        assertTrue(LaneTrainer.bytes(LaneTrainer.key(runs.get(0), RunDatasets.GENERATED.of(runs.get(0))).arch(), 4096, 0)
                < LaneTrainer.MAX_BYTES, "width 4 at 4,096 rows fits");
        assertNull(LaneTrainer.key(big, RunDatasets.GENERATED.of(big)), "16 × 4,096 rows × 9 layers of 32 units: alone");
        System.setProperty("initsweep.vectorMaxParams", "8");
        try {
            assertNull(LaneTrainer.key(runs.get(0), RunDatasets.GENERATED.of(runs.get(0))),
                    "a 4 × 4 layer outside the Vector API kernel alone has other bits: no lanes");
        } finally {
            System.clearProperty("initsweep.vectorMaxParams");
        }

        List<List<RunSpec>> batches = RunBatches.plan(runs, RunDatasets.GENERATED);
        List<Integer> sizes = batches.stream().map(List::size).toList();
        // tanh: lanes then 3; relu: lanes then 3; two runs alone
        assertEquals(List.of(lanes, lanes, 1, 3, 3, 1), sizes);
        assertEquals(Activation.TANH, batches.get(0).get(0).activation());
        assertEquals(Activation.RELU, batches.get(1).get(0).activation());
        assertEquals(runs.size(), sizes.stream().mapToInt(Integer::intValue).sum());
    }

    private static List<RunResult> trainInBatches(List<RunSpec> runs, RunDatasets data, Outputs outputs) {
        Map<String, RunResult> byId = new java.util.HashMap<>();
        for (List<RunSpec> batch : RunBatches.plan(runs, data)) {
            for (RunResult r : RunBatches.train(batch, outputs, data)) {
                byId.put(r.runId(), r);
            }
        }
        return runs.stream().map(r -> byId.get(r.runId())).toList();
    }

    /** Everything a run's result holds but its time and kernel name. */
    static void assertSame(RunResult expected, RunResult actual) {
        String id = expected.runId();
        assertEquals(expected.runId(), actual.runId());
        assertEquals(expected.status(), actual.status(), id);
        assertEquals(expected.divergedEpoch(), actual.divergedEpoch(), id);
        assertEquals(expected.divergedLayer(), actual.divergedLayer(), id);
        assertEquals(expected.epochs(), actual.epochs(), id + " metrics");
        assertEquals(expected.layers(), actual.layers(), id + " traces");
        assertEquals(expected.jacobian(), actual.jacobian(), id + " jacobian");
        assertEquals(expected.data(), actual.data(), id);
        assertEquals(Double.doubleToLongBits(expected.finalLoss()), Double.doubleToLongBits(actual.finalLoss()), id);
        assertEquals(Double.doubleToLongBits(expected.inputVar()), Double.doubleToLongBits(actual.inputVar()), id);
        assertEquals(expected.histograms().size(), actual.histograms().size(), id + " histograms");
        for (int i = 0; i < expected.histograms().size(); i++) {
            assertArrayEquals(expected.histograms().get(i).counts(), actual.histograms().get(i).counts(), id);
            assertArrayEquals(expected.histograms().get(i).edges(), actual.histograms().get(i).edges(), id);
        }
        if (expected.boundary() == null) {
            assertNull(actual.boundary(), id);
        } else {
            assertArrayEquals(expected.boundary().probability(), actual.boundary().probability(), id + " boundary");
        }
    }
}
