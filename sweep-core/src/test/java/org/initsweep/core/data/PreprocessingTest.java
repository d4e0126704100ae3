package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Standardization and scaling: hand-computed values, train statistics only, constant features at 0. */
class PreprocessingTest {

    /** Feature 0: 1, 2, 3, 4; feature 1: constant 7. */
    static final LabeledData TRAIN = new LabeledData(new float[] {1, 7, 2, 7, 3, 7, 4, 7}, new int[] {0, 1, 0, 1}, 4, 2,
            new long[] {0, 1}, List.of("a", "b"));
    static final LabeledData TEST = new LabeledData(new float[] {5, 9, -1, 7}, new int[] {1, 0}, 2, 2,
            new long[] {0, 1}, List.of("a", "b"));

    @Test
    void standardizeUsesTheTrainMeanAndPopulationDeviation() {
        FeatureTransform t = Preprocessing.STANDARDIZE.fit(TRAIN);
        // mean 2.5, population variance ((1.5² + 0.5²) · 2) / 4 = 1.25
        double sd = Math.sqrt(1.25);
        LabeledData train = t.apply(TRAIN);
        assertArrayEquals(new float[] {(float) (-1.5 / sd), 0, (float) (-0.5 / sd), 0, (float) (0.5 / sd), 0,
                (float) (1.5 / sd), 0}, train.x());
        LabeledData test = t.apply(TEST);
        assertArrayEquals(new float[] {(float) (2.5 / sd), 0, (float) (-3.5 / sd), 0}, test.x());
        assertSame(TEST.y(), test.y());
        assertEquals(TEST.featureNames(), test.featureNames());
    }

    @Test
    void scaleDividesByTheTrainRangeAfterCentring() {
        FeatureTransform t = Preprocessing.SCALE.fit(TRAIN);
        // min 1, max 4: (x − 2.5) / 3
        assertArrayEquals(new float[] {-0.5f, 0, (float) (-0.5 / 3), 0, (float) (0.5 / 3), 0, 0.5f, 0}, t.apply(TRAIN).x());
        assertArrayEquals(new float[] {(float) (2.5 / 3), 0, (float) (-3.5 / 3), 0}, t.apply(TEST).x());
    }

    @Test
    void onMnistEveryFeatureIsFiniteAndTheTrainingFeaturesAreStandardized() {
        LabeledData d = IdxReader.read(
                Input.of("images", SharedDatasets.file(SharedDatasets.TRAIN_IMAGES).toString(), PathOpener.local()),
                Input.of("labels", SharedDatasets.file(SharedDatasets.TRAIN_LABELS).toString(), PathOpener.local())).data();
        LabeledData s = Preprocessing.STANDARDIZE.fit(d).apply(d);
        int f = s.features();
        int constant = 0;
        for (int j = 0; j < f; j++) {
            double sum = 0;
            double sq = 0;
            boolean varies = false;
            for (int i = 0; i < s.samples(); i++) {
                float v = s.x()[i * f + j];
                if (!Float.isFinite(v)) {
                    throw new AssertionError("feature " + j + " row " + i + " is " + v);
                }
                sum += v;
                sq += (double) v * v;
                varies |= d.x()[i * f + j] != d.x()[j];
            }
            if (!varies) {
                constant++;
                assertEquals(0, sq, "a constant pixel maps to 0");
            } else {
                assertEquals(0, sum / s.samples(), 1e-5, "mean of pixel " + j);
                assertEquals(1, sq / s.samples(), 1e-4, "variance of pixel " + j);
            }
        }
        // the corner pixel is 0 in every MNIST image
        assertEquals(true, constant > 0);
    }
}
