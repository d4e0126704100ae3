package org.initsweep.analysis.trainability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.initsweep.analysis.TrainingSetting;
import org.junit.jupiter.api.Test;

/** Trainability chart names: η written as the charts' titles write it, a profile as the other charts write it, safe characters. */
class TrainabilityChartNamesTest {

    @Test
    void learningRateIsWrittenAsInTheTitle() {
        TrainingSetting small = new TrainingSetting("sgd", 1e-4);
        assertEquals("sgd η = 0.0001", small.label());
        assertEquals("tanh_lecun_normal_w16_sb0.05_digits_sgd_lr0.0001",
                TrainabilityCharts.stem("tanh", "lecun_normal", 16, null, 0.05, "digits", small));
        assertEquals("relu_he_normal_w64_sb0.0_mnist_adam_lr1",
                TrainabilityCharts.stem("relu", "he_normal", 64, null, 0.0, "mnist", new TrainingSetting("adam", 1.0)));
    }

    @Test
    void aProfileIsNamedAsEveryOtherChartNamesItAndLabelsAreSanitized() {
        assertEquals("tanh_orthogonal_w64-32-16_sb0.0_digits_momentum_beta_0.9__lr0.05",
                TrainabilityCharts.stem("tanh", "orthogonal", null, "[64,32,16]", 0.0, "digits",
                        new TrainingSetting("momentum(beta=0.9)", 0.05)));
        String regime = new org.initsweep.analysis.ChartGroup("tanh", "orthogonal", null, "[64,32,16]", 0.0, "digits")
                .fileStem();
        assertEquals("tanh_orthogonal_w64-32-16_sb0.0_digits", regime, "the regime heatmap's stem");
    }
}
