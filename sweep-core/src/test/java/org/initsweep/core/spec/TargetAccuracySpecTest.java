package org.initsweep.core.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code target_accuracy} by dataset name: read, written back, checked against the sweep's datasets
 * (one line naming the key), only the named generated datasets needing a test split, and not part of
 * the runs.
 */
class TargetAccuracySpecTest {

    private static String spec(String extra) {
        return """
                {"name": "t", "depths": [3], "widths": [8], "activations": ["tanh"], "inits": ["lecun_normal"],
                 "datasets": ["digits", "xor"] %s}
                """.formatted(extra);
    }

    private static String refusal(String extra) {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse(spec(extra), "s.json"));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void oneTargetPerDatasetNamedTheOthersDefault() throws SpecException {
        SweepSpec s = SpecReader.parse(spec(", \"target_accuracy\": {\"digits\": 0.85}"), "s.json");
        assertEquals(TargetAccuracy.byDataset(Map.of("digits", 0.85)), s.targetAccuracy());
        assertEquals(0.85, s.targetAccuracy().of("digits"));
        assertNull(s.targetAccuracy().of("xor"), "left out: the analysis's default");
        assertEquals(s, SpecReader.parse(SpecWriter.toJson(s), "written.json"), "round trip");
        SweepSpec all = SpecReader.parse(spec(", \"target_split\": \"train\", \"target_accuracy\": 0.9"), "s.json");
        assertEquals(0.9, all.targetAccuracy().of("digits"));
        assertEquals(0.9, all.targetAccuracy().of("xor"));
        assertEquals(all, SpecReader.parse(SpecWriter.toJson(all), "written.json"));
    }

    @Test
    void aKeyThatIsNoDatasetOfTheSweepIsOneLineWithASuggestion() {
        assertEquals("s.json: target_accuracy.dgits: names no dataset of this sweep (did you mean 'digits'?); its"
                + " datasets: digits, xor", refusal(", \"target_accuracy\": {\"dgits\": 0.85}"));
        assertEquals("s.json: target_accuracy: names no dataset: give one accuracy for all, or one per dataset name,"
                + " e.g. {\"digits\": 0.85}", refusal(", \"target_accuracy\": {}"));
    }

    @Test
    void anInvalidDatasetIsTheOnlyLine() {
        // its name unknown, the keys cannot be checked against it
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse("""
                {"name": "t", "depths": [3], "widths": [8], "activations": ["tanh"], "inits": ["lecun_normal"],
                 "datasets": ["digits", "moon"], "target_accuracy": {"moon": 0.9}}""", "s.json"));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().startsWith("s.json: datasets[1]: unknown dataset \"moon\" (did you mean 'moons'?)"),
                e.getMessage());
    }

    @Test
    void anInvalidDatasetsFieldIsTheOnlyLineAndAKeyIsOneLine() {
        SpecException e = assertThrows(SpecException.class, () -> SpecReader.parse("""
                {"name": "t", "depths": [3], "widths": [8], "activations": ["tanh"], "inits": ["lecun_normal"],
                 "datasets": [], "target_accuracy": {"opt": 0.9}}""", "s.json"));
        assertEquals("s.json: datasets: must not be empty", e.getMessage());
        assertEquals("s.json: target_accuracy.\"x\\ny\": names no dataset of this sweep (did you mean 'xor'?); its"
                + " datasets: digits, xor", refusal(", \"target_accuracy\": {\"x\\ny\": 0.9}"));
    }

    @Test
    void withoutADatasetsFieldTheKeysAreCheckedAgainstTheDefaultDataset() throws SpecException {
        String spec = """
                {"name": "t", "depths": [3], "widths": [8], "activations": ["tanh"], "inits": ["lecun_normal"],
                 "target_split": "train", "target_accuracy": %s}
                """;
        SweepSpec s = SpecReader.parse(spec.formatted("{\"gaussian\": 0.8}"), "s.json");
        assertEquals(0.8, s.targetAccuracy().of("gaussian"));
        SpecException other = assertThrows(SpecException.class,
                () -> SpecReader.parse(spec.formatted("{\"moons\": 0.8}"), "s.json"));
        assertEquals("s.json: target_accuracy.moons: names no dataset of this sweep; its datasets: gaussian",
                other.getMessage());
        SpecException high = assertThrows(SpecException.class,
                () -> SpecReader.parse(spec.formatted("{\"gaussian\": 2}"), "s.json"));
        assertEquals("s.json: target_accuracy.gaussian: must be an accuracy in (0, 1], got the number 2",
                high.getMessage());
    }

    @Test
    void eachValueIsAnAccuracy() {
        String high = refusal(", \"target_accuracy\": {\"digits\": 1.5}");
        assertTrue(high.startsWith("s.json: target_accuracy.digits: must be an accuracy in (0, 1], got "), high);
        String text = refusal(", \"target_accuracy\": {\"digits\": \"0.9\"}");
        assertTrue(text.startsWith("s.json: target_accuracy.digits: must be an accuracy in (0, 1], got "), text);
        // an invalid target: no second line about the test split it would need on xor
        String bad = refusal(", \"target_accuracy\": 2");
        assertTrue(bad.startsWith("s.json: target_accuracy: must be an accuracy in (0, 1], got "), bad);
        assertEquals("s.json: target_accuracy: must be an accuracy in (0, 1], or an object of them by dataset name, got an"
                + " array", refusal(", \"target_accuracy\": [0.8]"));
    }

    @Test
    void onlyTheNamedGeneratedDatasetsNeedATestSplit() throws SpecException {
        // digits is split by default; xor, generated, has no test split without test_fraction
        SpecReader.parse(spec(", \"target_accuracy\": {\"digits\": 0.85}"), "s.json");
        String xor = refusal(", \"target_accuracy\": {\"xor\": 0.95}");
        assertTrue(xor.startsWith("s.json: target_accuracy.xor: needs test accuracy, but datasets[1] (xor) has no"
                + " test split"), xor);
        SpecReader.parse(spec(", \"target_accuracy\": {\"xor\": 0.95}, \"test_fraction\": 0.25"), "s.json");
        SpecReader.parse(spec(", \"target_accuracy\": {\"xor\": 0.95}, \"target_split\": \"train\""), "s.json");
    }

    @Test
    void theTargetsAreNotPartOfTheRuns() throws SpecException {
        SweepSpec none = SpecReader.parse(spec(", \"target_split\": \"train\""), "a.json");
        SweepSpec some = SpecReader.parse(spec(", \"target_split\": \"train\", \"target_accuracy\": {\"xor\": 0.95}"),
                "b.json");
        assertTrue(none.sameRuns(some));
        assertEquals(List.of(), none.fieldsDifferentFrom(some), "a refusal names only fields that change runs");
    }
}
