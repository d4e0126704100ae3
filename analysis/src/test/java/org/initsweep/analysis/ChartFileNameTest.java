package org.initsweep.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chart file names a file system can hold, however long the group's description. */
class ChartFileNameTest {

    @TempDir
    Path dir;

    @Test
    void aShortStemIsKept() {
        assertEquals(dir.resolve("regime_tanh_lecun_normal_w16_sb0.0_gaussian.png"),
                ChartFileName.png(dir, "regime_tanh_lecun_normal_w16_sb0.0_gaussian"));
        String longest = "x".repeat(ChartFileName.MAX_STEM);
        assertEquals(longest + ".png", ChartFileName.png(dir, longest).getFileName().toString());
    }

    /**
     * A 60-layer width profile (each layer 100 wide: 240 bytes of "100-100-…") names a file of 204 bytes, which
     * can be written, with its Hadoop checksum's 213; profiles differing in the last layer name two files.
     */
    @Test
    void aLongStemIsCutAndEndsInItsHash() throws IOException {
        String profile = String.join("-", java.util.Collections.nCopies(60, "100"));
        String stem = "layers_tanh_lecun_normal_w" + profile + "_sb0.0_gaussian_d60_epoch0";
        String other = stem.replace("100_sb", "101_sb");
        Path png = ChartFileName.png(dir, stem);
        String name = png.getFileName().toString();
        assertEquals(204, name.length());
        assertTrue(name.startsWith(stem.substring(0, 187) + "_"), name);
        assertTrue(name.matches(".*_[0-9a-f]{12}\\.png"), name);
        assertEquals(name, ChartFileName.png(dir, stem).getFileName().toString(), "the same stem, the same name");
        assertNotEquals(name, ChartFileName.png(dir, other).getFileName().toString());
        Files.write(png, new byte[] {1});
        Files.write(dir.resolve("." + name + ".crc"), new byte[] {1});
        assertTrue(Files.exists(png));
    }
}
