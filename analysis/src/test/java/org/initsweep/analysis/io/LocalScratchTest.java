package org.initsweep.analysis.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The charts' local folder: gone after its use, however that use ended. */
class LocalScratchTest {

    @Test
    void closingRemovesTheFolderWithWhatItHolds() throws IOException {
        Path dir;
        try (LocalScratch scratch = LocalScratch.create("initsweep-test")) {
            dir = scratch.dir();
            Files.writeString(dir.resolve("a.png"), "x");
            Files.writeString(Files.createDirectories(dir.resolve("sub")).resolve("b.png"), "y");
            assertTrue(LocalScratch.isOpen(dir));
        }
        assertFalse(Files.exists(dir));
        assertFalse(LocalScratch.isOpen(dir), "nothing left for the exit hook");
    }

    /** A chart writer that fails leaves no folder of PNGs behind in the system's temporary directory. */
    @Test
    void aFailureInsideStillRemovesIt() {
        Path[] dir = new Path[1];
        assertThrows(IOException.class, () -> {
            try (LocalScratch scratch = LocalScratch.create("initsweep-test")) {
                dir[0] = scratch.dir();
                Files.writeString(dir[0].resolve("drawn.png"), "x");
                throw new IOException("a chart failed");
            }
        });
        assertFalse(Files.exists(dir[0]));
    }
}
