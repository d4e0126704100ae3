package org.initsweep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Provenance}: the numbers-relevant settings, their text form and what differs. */
class ProvenanceTest {

    @Test
    void theSettingsThatChangeNumbersRoundTripThroughTheirText() {
        Provenance p = Provenance.current();
        assertEquals(Map.copyOf(p.numbers()), Map.copyOf(Provenance.parseNumbers(p.numbersText())));
        assertTrue(p.differences(Provenance.parseNumbers(p.numbersText())).isEmpty());
        assertEquals(EngineVersion.get(), p.numbers().get("engine_version"));
    }

    @Test
    void differencesNameEachSettingWithBothValues() {
        Provenance p = Provenance.current();
        int here = org.initsweep.core.nn.Kernel.vectorMaxParams();
        Map<String, String> theirs = Provenance.parseNumbers(p.numbersText().replace("initsweep.kernel=auto",
                "initsweep.kernel=blas").replace("initsweep.vectorMaxParams=" + here, "initsweep.vectorMaxParams=4096"));
        assertEquals(List.of("initsweep.kernel: blas there, auto here",
                "initsweep.vectorMaxParams: 4096 there, " + here + " here"), p.differences(theirs));
        assertEquals(List.of("engine_version: not recorded there, " + EngineVersion.get() + " here"),
                p.differences(Map.of()).subList(0, 1));
    }

    @Test
    void theBuildIsStampedWithItsCommit() {
        // the test build runs in a git checkout (CI clones the repository)
        assertTrue(EngineVersion.commit().matches("[0-9a-f]{40}"), EngineVersion.commit());
        assertTrue(List.of("true", "false").contains(EngineVersion.dirty()), EngineVersion.dirty());
    }
}
