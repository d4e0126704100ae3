package org.initsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.initsweep.core.activation.Activation;
import org.initsweep.core.data.DatasetLoader;
import org.initsweep.core.data.DatasetSource;
import org.initsweep.core.data.LoadedDataset;
import org.initsweep.core.data.MemoryBudget;
import org.initsweep.core.data.PathOpener;
import org.initsweep.core.data.Preprocessing;
import org.initsweep.core.data.SharedDatasets;
import org.initsweep.core.head.OutputHead;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.nn.Network;
import org.initsweep.core.optim.Adam;
import org.initsweep.core.optim.Optimizer;
import org.initsweep.core.optim.Sgd;
import org.initsweep.core.spec.Outputs;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.spec.Widths;
import org.initsweep.core.trace.RunResult;
import org.junit.jupiter.api.Test;

/**
 * Training on real data: the shipped 8×8 digits (10 classes, split by test_fraction) and the MNIST
 * subset of shared/datasets (IDX files with their own test split, 8,000 training examples: evaluated
 * in chunks), with the softmax head and held-out accuracy.
 */
class RealDataTrainingTest {

    private static final DatasetLoader LOADER = DatasetLoader.of(PathOpener.local(), java.nio.file.Path.of("unused"), null);

    private static RunSpec run(DatasetSource data, int[] hidden, int samples, int epochs, int batch, Optimizer o,
            double lr, Double testFraction) {
        return new RunSpec("real", hidden.length, Widths.profile(hidden), Activation.TANH,
                InitSpec.of(InitScheme.LECUN_NORMAL), 1.0, 0.0, data, 1, samples, epochs, lr, batch, List.of(0, epochs),
                Precision.FLOAT32, o, testFraction, Preprocessing.STANDARDIZE);
    }

    private static DatasetSource mnist() {
        return new DatasetSource.IdxFiles("mnist10k", SharedDatasets.file(SharedDatasets.TRAIN_IMAGES).toString(),
                SharedDatasets.file(SharedDatasets.TRAIN_LABELS).toString(),
                SharedDatasets.file(SharedDatasets.TEST_IMAGES).toString(),
                SharedDatasets.file(SharedDatasets.TEST_LABELS).toString());
    }

    @Test
    void digitsLearnTenClassesAndAreTestedOnAStratifiedFifth() {
        DatasetSource digits = new DatasetSource.DigitsData();
        RunDatasets data = new RunDatasets(Map.of("digits", LOADER.load(digits, MemoryBudget.UNLIMITED)));
        RunResult r = Trainer.train(run(digits, new int[] {32}, 0, 30, 64, Adam.DEFAULTS, 0.01, null), Outputs.NONE, data,
                net -> assertEquals(OutputHead.forClasses(10), net.head()));
        // 1,797 examples in 10 classes of 174–183: each class gives round(0.2·n_c) = 35 or 36 to the test set
        assertEquals(10, r.data().classes());
        assertEquals(64, r.data().inputDim());
        assertEquals(1797, r.data().trainSamples() + r.data().testSamples());
        assertTrue(r.data().testSamples() >= 350 && r.data().testSamples() <= 360, "test " + r.data().testSamples());
        double chance = 0.1;
        assertEquals(Math.log(10), r.epochs().get(0).loss(), 0.5, "about ln K at initialization");
        assertEquals(chance, r.epochs().get(0).testAccuracy(), 0.1);
        assertTrue(r.finalTestAccuracy() > 0.9, "test accuracy " + r.finalTestAccuracy());
        assertTrue(r.finalAccuracy() >= r.finalTestAccuracy() - 0.05, "train " + r.finalAccuracy());
        assertEquals(64, r.layers().get(0).fanIn());
        assertEquals(10, r.layers().get(r.layers().size() - 1).fanOut(), "softmax output layer");
    }

    @Test
    void mnistTrainsInChunksAndEvaluatesOnItsOwnTestFiles() {
        LoadedDataset loaded = LOADER.load(mnist(), MemoryBudget.UNLIMITED);
        RunDatasets data = new RunDatasets(Map.of("mnist10k", loaded));
        RunResult r = Trainer.train(run(mnist(), new int[] {64, 32}, 0, 2, 128, new Sgd(), 0.1, null), Outputs.NONE,
                data, net -> { });
        assertEquals(8000, r.data().trainSamples(), "more than Trainer.MAX_PASS_ROWS: evaluated in chunks");
        assertEquals(2000, r.data().testSamples());
        assertEquals(784, r.data().inputDim());
        assertTrue(r.finalTestAccuracy() > 0.85, "test accuracy " + r.finalTestAccuracy());
        // traces over the first MAX_PASS_ROWS training rows: every recorded layer has its statistics
        assertEquals(2 * 3, r.layers().size());
        assertTrue(r.layers().stream().allMatch(t -> Double.isFinite(t.varZ()) && t.varZ() > 0));
    }

    @Test
    void chunkedEvaluationGivesTheLossOfOnePassOverEveryRow() {
        LoadedDataset loaded = LOADER.load(mnist(), MemoryBudget.UNLIMITED);
        RunDatasets data = new RunDatasets(Map.of("mnist10k", loaded));
        RunSpec atInit = run(mnist(), new int[] {16}, 0, 0, 64, new Sgd(), 0.1, null);
        double[] direct = new double[2];
        RunResult r = Trainer.train(atInit, Outputs.NONE, data, net -> {
            RunData prepared = data.of(atInit);
            for (int which = 0; which < 2; which++) {
                var set = which == 0 ? prepared.train() : prepared.test();
                Network.Pass p = net.newPass(set.samples());
                System.arraycopy(set.x(), 0, p.input(), 0, set.x().length);
                System.arraycopy(set.y(), 0, p.labels(), 0, set.samples());
                p.inputChanged();
                net.forward(p);
                direct[which] = net.head().loss(p.toDoubles(Network.Buffer.Z, net.layers()), p.labels());
            }
        });
        assertEquals(direct[0], r.epochs().get(0).loss(), 1e-12 * direct[0], "8,000 rows in chunks of 4,096 and 3,904");
        assertEquals(direct[1], r.epochs().get(0).testLoss(), 1e-12 * direct[1]);
    }

    @Test
    void aSubsetOfOneSeedIsTheSameForEveryRunOfThatSeed() {
        DatasetSource digits = new DatasetSource.DigitsData();
        RunDatasets data = new RunDatasets(Map.of("digits", LOADER.load(digits, MemoryBudget.UNLIMITED)));
        RunSpec a = run(digits, new int[] {8}, 500, 0, 100, new Sgd(), 0.1, 0.3);
        RunSpec b = run(digits, new int[] {16, 16}, 500, 0, 100, Adam.DEFAULTS, 0.01, 0.3);
        RunData da = data.of(a);
        RunData db = data.of(b);
        assertEquals(500, da.train().samples());
        assertTrue(java.util.Arrays.equals(da.train().x(), db.train().x()), "one seed, one subset");
        assertEquals(0.0, mean(da.train().x()), 1e-6, "standardized on the training subset");
        RunData other = data.of(a.withSeed(2));
        assertTrue(!java.util.Arrays.equals(da.train().x(), other.train().x()), "another seed, another subset");
    }

    private static double mean(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v;
        }
        return s / x.length;
    }
}
