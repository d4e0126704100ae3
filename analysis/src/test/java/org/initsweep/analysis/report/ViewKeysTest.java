package org.initsweep.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.initsweep.analysis.TrainingSetting;
import org.junit.jupiter.api.Test;

/** A section's panel keys: the sortable key of (m, epoch, setting), formatted once per key. */
class ViewKeysTest {

    @Test
    void aKeyIsViewKeysStringFormattedOnce() {
        DeepestRunPanels.ViewKeys keys = new DeepestRunPanels.ViewKeys();
        TrainingSetting adam = new TrainingSetting("adam", 0.01);
        String first = keys.of(0.5, 10, adam);
        // %030.12f: 30 characters, 12 decimals, padded with zeros
        assertEquals("1" + "0".repeat(17) + ".500000000000_000000010_adam_" + "0".repeat(17) + ".010000000000", first);
        assertEquals(DeepestRunPanels.viewKey(0.5, 10, adam), first);
        assertSame(first, keys.of(0.5, 10, new TrainingSetting("adam", 0.01)));
        assertEquals("0_000000000", keys.of(null, 0, null));
        assertSame(keys.of(null, 0, null), keys.of(null, 0, null));
        assertNotEquals(first, keys.of(0.5, 0, adam));
    }

    /** Fixed schemes first, then m, then epoch, then the setting: the order of the panels in a section. */
    @Test
    void keysSortAsThePanelsAreShown() {
        DeepestRunPanels.ViewKeys keys = new DeepestRunPanels.ViewKeys();
        TrainingSetting sgd = new TrainingSetting("sgd", 0.1);
        assertTrue(keys.of(null, 50, sgd).compareTo(keys.of(0.25, 0, null)) < 0);
        assertTrue(keys.of(0.25, 50, sgd).compareTo(keys.of(2.0, 0, null)) < 0);
        assertTrue(keys.of(2.0, 0, sgd).compareTo(keys.of(2.0, 10, null)) < 0);
        assertTrue(keys.of(2.0, 10, null).compareTo(keys.of(2.0, 10, sgd)) < 0);
        assertTrue(keys.of(2.0, 10, new TrainingSetting("adam", 0.1)).compareTo(keys.of(2.0, 10, sgd)) < 0);
        assertTrue(keys.of(2.0, 10, new TrainingSetting("sgd", 0.01)).compareTo(keys.of(2.0, 10, sgd)) < 0);
    }
}
