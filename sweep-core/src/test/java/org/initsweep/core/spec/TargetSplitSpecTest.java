package org.initsweep.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code target_split} and {@code target_accuracy}: the default, "train" on data without a test split,
 * the refusals (one line naming the field), the round trip, and that neither changes the runs.
 */
class TargetSplitSpecTest {

    private static String spec(String extra) {
        return """
                {"name": "t", "depths": [3], "widths": [8], "activations": ["tanh"], "inits": ["lecun_normal"] %s}
                """.formatted(extra);
    }

    private static String refusal(String extra) {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(spec(extra), "s.json"));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void testByDefaultWithoutATarget() throws SpecException {
        SweepSpec s = SpecReader.parse(spec(""), "s.json");
        assertEquals(TargetSplit.TEST, s.targetSplit());
        assertNull(s.targetAccuracy());
    }

    @Test
    void trainNeedsNoTestSplit() throws SpecException {
        SweepSpec s = SpecReader.parse(spec(", \"target_split\": \"train\", \"target_accuracy\": 0.75"), "s.json");
        assertEquals(TargetSplit.TRAIN, s.targetSplit());
        assertEquals(TargetAccuracy.of(0.75), s.targetAccuracy());
        assertEquals(s, SpecReader.parse(SpecWriter.toJson(s), "written.json"), "round trip keeps the split");
    }

    @Test
    void aSweepWithoutTestDataReadsItsOwnWrittenSpecBack() throws SpecException {
        SweepSpec s = SpecReader.parse(spec(""), "s.json");
        assertEquals(s, SpecReader.parse(SpecWriter.toJson(s), "written.json"));
    }

    @Test
    void aTestTargetOnGeneratedDataWithoutTestFractionIsRefused() throws SpecException {
        String byTarget = refusal(", \"target_accuracy\": 0.9");
        assertTrue(byTarget.startsWith("s.json: target_accuracy: needs test accuracy, but datasets[0] (gaussian)")
                && byTarget.contains("\"target_split\": \"train\""), byTarget);
        String bySplit = refusal(", \"target_split\": \"test\"");
        assertTrue(bySplit.startsWith("s.json: target_split: needs test accuracy, but datasets[0] (gaussian)"), bySplit);
        assertEquals(TargetSplit.TEST, SpecReader.parse(spec(", \"target_split\": \"test\", \"test_fraction\": 0.25"),
                "s.json").targetSplit(), "a test_fraction gives the generated data its test split");
        assertEquals(TargetSplit.TEST, SpecReader.parse(spec(", \"target_split\": \"test\", \"datasets\": [\"digits\"]"),
                "s.json").targetSplit(), "real data is split by default");
    }

    @Test
    void anUnknownSplitNamesTheValue() {
        assertEquals("s.json: target_split: must be \"train\" or \"test\", got a string \"validation\"",
                refusal(", \"target_split\": \"validation\""));
        assertTrue(refusal(", \"target_split\": 1").startsWith("s.json: target_split: must be \"train\" or \"test\", got "));
        assertEquals("s.json: target_split: must be \"train\" or \"test\", got a string \"TRAIN\" (did you mean 'train'?)",
                refusal(", \"target_split\": \"TRAIN\""));
        // which split was meant is unknown, so no second line about the test split a target would need
        assertEquals("s.json: target_split: must be \"train\" or \"test\", got a string \"Train\" (did you mean 'train'?)",
                refusal(", \"target_split\": \"Train\", \"target_accuracy\": 0.8"));
    }

    @Test
    void theSplitIsNotPartOfTheRuns() throws SpecException {
        SweepSpec test = SpecReader.parse(spec(", \"datasets\": [\"digits\"]"), "a.json");
        SweepSpec train = SpecReader.parse(spec(", \"datasets\": [\"digits\"], \"target_split\": \"train\""), "b.json");
        assertTrue(test.sameRuns(train));
        assertEquals(List.of(), test.fieldsDifferentFrom(train), "a refusal names only fields that change runs");
    }
}
