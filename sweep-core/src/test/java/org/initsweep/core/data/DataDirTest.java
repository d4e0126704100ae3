package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The data directory: --data-dir, then INITSWEEP_DATA, then ~/.initsweep/data. */
class DataDirTest {

    @Test
    void resolutionOrder() {
        Map<String, String> env = Map.of("INITSWEEP_DATA", "/env/data");
        assertEquals(new DataDir.Choice(Path.of("/opt/d"), "--data-dir"), DataDir.resolve("/opt/d", env, "/home/u"));
        assertEquals(new DataDir.Choice(Path.of("/env/data"), "INITSWEEP_DATA"), DataDir.resolve(null, env, "/home/u"));
        assertEquals(new DataDir.Choice(Path.of("/home/u/.initsweep/data"), "default"), DataDir.resolve(null, Map.of(), "/home/u"));
        assertEquals(new DataDir.Choice(Path.of("/home/u/.initsweep/data"), "default"),
                DataDir.resolve(" ", Map.of("INITSWEEP_DATA", ""), "/home/u"));
    }
}
