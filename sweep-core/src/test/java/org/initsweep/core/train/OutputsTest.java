package org.initsweep.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.initsweep.core.activation.Activation;
import java.util.Map;
import org.initsweep.core.data.DataFile;
import org.initsweep.core.data.DatasetKind;
import org.initsweep.core.data.DatasetSource;
import org.initsweep.core.data.LabeledData;
import org.initsweep.core.data.LoadedDataset;
import org.initsweep.core.data.Preprocessing;
import org.initsweep.core.optim.Sgd;
import org.initsweep.core.spec.Widths;
import org.initsweep.core.init.InitScheme;
import org.initsweep.core.init.InitSpec;
import org.initsweep.core.spec.Outputs;
import org.initsweep.core.spec.Precision;
import org.initsweep.core.spec.RunSpec;
import org.initsweep.core.trace.ActivationHistogram;
import org.initsweep.core.trace.DecisionBoundary;
import org.initsweep.core.trace.RunResult;
import org.junit.jupiter.api.Test;

/** Histograms and decision boundaries, checked against what the network must produce. */
class OutputsTest {

    @Test
    void histogramsCountEveryActivationOnFixedEdges() {
        RunSpec run = new RunSpec("h", 3, 50, Activation.TANH, InitSpec.of(InitScheme.XAVIER_NORMAL), 1.0, 0,
                DatasetKind.GAUSSIAN, 1, 200, 2, 0.1, 200, List.of(0, 2), Precision.FLOAT32);
        RunResult r = Trainer.train(run, new Outputs(true, false));
        assertEquals(2 * 4, r.histograms().size(), "2 recorded epochs × (3 hidden + output)");
        for (ActivationHistogram h : r.histograms()) {
            long total = Arrays.stream(h.counts()).sum();
            assertEquals(h.layer() == 4 ? 200 : 200 * 50, total, "every activation of layer " + h.layer());
            assertEquals(h.layer() == 4 ? 0.0 : -1.0, h.edges()[0]);
            assertEquals(1.0, h.edges()[h.edges().length - 1]);
        }
        ActivationHistogram zeroInit = Trainer.train(new RunSpec("h", 2, 10, Activation.TANH, InitSpec.of(InitScheme.ZERO),
                Double.NaN, 0, DatasetKind.GAUSSIAN, 1, 100, 0, 0.1, 100, List.of(0), Precision.FLOAT32),
                new Outputs(true, false)).histograms().get(0);
        assertEquals(1000, zeroInit.counts()[20], "zero weights: every tanh activation is exactly 0, in the bin [0, 0.05)");
    }

    @Test
    void boundaryIsTheNetworkOnTheGridAndOnlyFor2dData() {
        // W = I on a linear net: z = x1 (first unit only reaches the output), so P(class 1) = σ(x1).
        RunSpec run = new RunSpec("b", 2, 2, Activation.LINEAR, new InitSpec(InitScheme.IDENTITY_SCALED, 1.0), Double.NaN,
                0, DatasetKind.MOONS, 1, 64, 0, 0.1, 64, List.of(0), Precision.FLOAT64);
        DecisionBoundary b = Trainer.train(run, new Outputs(false, true)).boundary();
        assertNotNull(b);
        assertEquals(2, b.classes());
        assertEquals(2 * DecisionBoundary.STEPS * DecisionBoundary.STEPS, b.probability().length);
        for (int i2 = 0; i2 < b.steps(); i2 += 7) {
            for (int i1 = 0; i1 < b.steps(); i1 += 5) {
                int k = i2 * b.steps() + i1;
                double expected = 1 / (1 + Math.exp(-b.coordinate(i1)));
                assertEquals(expected, b.p(k), 1e-6);
                assertEquals(1 - expected, b.probability()[2 * k], 1e-6);
                assertEquals(b.coordinate(i1) > 0 ? 1 : 0, b.predicted(k), "class 1 right of x1 = 0");
                assertEquals(Math.max(expected, 1 - expected), b.confidence(k), 1e-6);
            }
        }
        RunSpec gaussian = new RunSpec("b", 2, 4, Activation.TANH, InitSpec.of(InitScheme.HE_NORMAL), 1.0, 0,
                DatasetKind.GAUSSIAN, 1, 64, 0, 0.1, 64, List.of(0), Precision.FLOAT32);
        assertNull(Trainer.train(gaussian, new Outputs(false, true)).boundary(), "no input plane to draw");
        assertTrue(Trainer.train(run).histograms().isEmpty(), "off by default");
    }

    @Test
    void aThreeClassBoundaryIsTheSoftmaxOnTheGrid() {
        // 3 classes of 2-D points; W = I (2 × 2, then 2 × 3 with a zero column) on a linear net, biases 0:
        // z = (x1, x2, 0), so P(k) = softmax(x1, x2, 0)_k, class 2 where both inputs are negative
        float[] x = new float[60];
        int[] y = new int[30];
        for (int i = 0; i < 30; i++) {
            x[2 * i] = (float) Math.sin(i);
            x[2 * i + 1] = (float) Math.cos(3 * i);
            y[i] = i % 3;
        }
        LoadedDataset three = new LoadedDataset("three", new LabeledData(x, y, 30, 2, new long[] {0, 1, 2}, List.of()),
                null, List.of(new DataFile("train", "three.csv", 1, "00")));
        for (Precision precision : Precision.values()) {
            RunSpec run = new RunSpec("b", 2, Widths.of(2), Activation.LINEAR,
                    new InitSpec(InitScheme.IDENTITY_SCALED, 1.0), Double.NaN, 0, new DatasetSource.TableFile("three",
                    DatasetSource.TableFormat.CSV, "three.csv", "label", null, true), 1, 0, 0, 0.1, 0, List.of(0),
                    precision, new Sgd(), null, Preprocessing.STANDARDIZE);
            DecisionBoundary b = Trainer.train(run, new Outputs(false, true), new RunDatasets(Map.of("three", three)),
                    net -> { }).boundary();
            assertEquals(3, b.classes());
            for (int k = 0; k < b.steps() * b.steps(); k += 37) {
                double x1 = b.coordinate(k % b.steps());
                double x2 = b.coordinate(k / b.steps());
                double sum = Math.exp(x1) + Math.exp(x2) + 1;
                double[] expected = {Math.exp(x1) / sum, Math.exp(x2) / sum, 1 / sum};
                for (int c = 0; c < 3; c++) {
                    assertEquals(expected[c], b.probability()[3 * k + c], 1e-6);
                }
                int top = x1 >= x2 && x1 >= 0 ? 0 : x2 >= 0 ? 1 : 2;
                assertEquals(top, b.predicted(k), "argmax of (x1, x2, 0) at " + x1 + ", " + x2);
                assertEquals(expected[top], b.confidence(k), 1e-6);
            }
        }
    }
}
