package org.initsweep.analysis.trainability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.initsweep.core.spec.TargetSplit;
import org.junit.jupiter.api.Test;

/** The console's words for the targets: one for all, one per dataset, none where every run diverged. */
class TargetTextTest {

    private static String text(Object... datasetsAndTargets) {
        Map<Object, Double> targets = new LinkedHashMap<>();
        for (int i = 0; i < datasetsAndTargets.length; i += 2) {
            targets.put(datasetsAndTargets[i], (Double) datasetsAndTargets[i + 1]);
        }
        return new TrainabilityAnalysis.Result(targets, TargetSplit.TEST, List.of(), List.of(), List.of(), List.of())
                .targetText();
    }

    @Test
    void oneTargetForAllIsSaidOnce() {
        assertEquals("≥ 0.8699", text("digits", 0.86994));
        assertEquals("≥ 0.5000", text("xor", 0.5, "digits", 0.5));
    }

    @Test
    void eachDatasetItsOwnAndNoneLast() {
        assertEquals("≥ 0.9000 on xor, ≥ 0.7830 on digits", text("xor", 0.9, "digits", 0.783));
        assertEquals("≥ 0.5000 on opt; no target on mn, where no run has an accuracy",
                text("mn", Double.NaN, "opt", 0.5));
    }

    @Test
    void aTinyTargetIsNotRoundedToZero() {
        assertEquals("≥ 1.000e-300", text("mn", 1e-300));
    }
}
