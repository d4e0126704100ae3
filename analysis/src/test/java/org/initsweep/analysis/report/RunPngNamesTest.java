package org.initsweep.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.regex.Pattern;
import org.initsweep.analysis.ChartGroup;
import org.junit.jupiter.api.Test;

/** A group's section lists its own runs' PNGs: of its σ_b² when file names carry one, of every setting. */
class RunPngNamesTest {

    private static List<String> taken(Pattern p, List<String> files) {
        return files.stream().filter(f -> p.matcher(f).matches()).toList();
    }

    @Test
    void oneSigmaB2AndSettingSweepKeepsItsNames() {
        Pattern p = DeepestRunPanels.runPng("histograms_", new ChartGroup("tanh", "lecun_normal", 8, null, 0.0, "gaussian"), 3);
        assertEquals(List.of("histograms_tanh_lecun_normal_m1_w8_d3_gaussian_s1_epoch0.png",
                "histograms_tanh_lecun_normal_m2_w8_d3_gaussian_s-7_epoch10.png"),
                taken(p, List.of("histograms_tanh_lecun_normal_m1_w8_d3_gaussian_s1_epoch0.png",
                        "histograms_tanh_lecun_normal_m2_w8_d3_gaussian_s-7_epoch10.png",
                        "histograms_tanh_lecun_normal_m1_w8_d6_gaussian_s1_epoch0.png",
                        "histograms_tanh_he_normal_m1_w8_d3_gaussian_s1_epoch0.png",
                        "boundary_tanh_lecun_normal_m1_w8_d3_gaussian_s1.png")));
    }

    @Test
    void aFixedSchemeHasNoMultiplierInItsNamesAndAnotherInitsNamesAreNotTaken() {
        Pattern zero = DeepestRunPanels.runPng("boundary_", new ChartGroup("tanh", "zero", 8, null, 0.0, "moons"), 3);
        Pattern he = DeepestRunPanels.runPng("boundary_", new ChartGroup("relu", "he", 8, null, 0.0, "moons"), 3);
        List<String> files = List.of("boundary_tanh_zero_w8_d3_moons_s1_sgd_lr0.05.png", "boundary_tanh_zero_w8_d3_moons_s2.png",
                "boundary_relu_he_normal_m1_w8_d3_moons_s1.png", "boundary_relu_he_m0.5_w8_d3_moons_s1.png");
        assertEquals(List.of(files.get(0), files.get(1)), taken(zero, files));
        assertEquals(List.of(files.get(3)), taken(he, files));
    }

    @Test
    void severalSigmaB2TakeTheGroupsOnlyAndEverySetting() {
        Pattern p = DeepestRunPanels.runPng("boundary_", new ChartGroup("tanh", "lecun_normal", 8, null, 0.0, "moons"), 3);
        String base = "boundary_tanh_lecun_normal_m1_w8_d3_moons_s1";
        assertEquals(List.of(base + "_sb0.0.png", base + "_sb0.0_sgd_lr0.05.png", base + "_sb0.0_adam_lr0.5.png"),
                taken(p, List.of(base + "_sb0.0.png", base + "_sb0.05.png", base + "_sb0.0_sgd_lr0.05.png",
                        base + "_sb0.05_sgd_lr0.05.png", base + "_sb0.0_adam_lr0.5.png")));
        Pattern sb = DeepestRunPanels.runPng("boundary_", new ChartGroup("tanh", "lecun_normal", 8, null, 0.05, "moons"), 3);
        assertEquals(List.of(base + "_sb0.05.png", base + "_sb0.05_sgd_lr0.05.png"),
                taken(sb, List.of(base + "_sb0.0.png", base + "_sb0.05.png", base + "_sb0.0_sgd_lr0.05.png",
                        base + "_sb0.05_sgd_lr0.05.png")));
    }
}
