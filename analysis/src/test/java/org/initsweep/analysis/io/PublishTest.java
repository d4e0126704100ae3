package org.initsweep.analysis.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Publication of analysis files on the local file system: whole replacement, no leftovers, pruning. */
class PublishTest {

    @Test
    void aFileReplacesItsTargetWholeAndLeavesNothingBeside(@TempDir Path tmp) throws Exception {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        Path dir = Files.createDirectories(tmp.resolve("charts"));
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(dir.resolve("w16.png").toUri());
        for (String text : new String[] {"first", "second, longer than the first"}) {
            Path local = Files.writeString(tmp.resolve("drawn-" + text.length()), text);
            Publish.file(fs, local, target);
            assertEquals(text, TextFiles.read(fs, target));
            assertFalse(Files.exists(local), "the local copy is moved, not kept");
        }
        assertEquals(List.of("w16.png"), visible(fs, dir), "no temporary entry left");
    }

    /**
     * A text replaces its file in one rename (a hard link to the old file keeps the old text: it was not
     * rewritten in place, where a kill leaves it cut), and the old file's checksum does not outlive it.
     */
    @Test
    void aTextReplacesItsFileInOneRenameAndReadsBackThroughTheChecksums(@TempDir Path tmp) throws Exception {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(tmp.resolve("spec.json").toUri());
        try (var os = fs.create(target, true)) {
            os.write("{\"name\": \"old\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertTrue(Files.exists(tmp.resolve(".spec.json.crc")), "Hadoop's local file system keeps a checksum");
        Path old = Files.createLink(tmp.resolve("old-link"), tmp.resolve("spec.json"));
        Publish.text(fs, "{\"name\": \"a longer new spec\"}", target);
        assertEquals("{\"name\": \"a longer new spec\"}", TextFiles.read(fs, target));
        assertEquals("{\"name\": \"old\"}", Files.readString(old));
        assertEquals(List.of("old-link", "spec.json"), visible(fs, tmp));
    }

    @Test
    void pruningKeepsWhatWasDrawnAndLeftoversGoOnlyIfTheyAreTemporary(@TempDir Path tmp) throws Exception {
        FileSystem fs = FileSystem.getLocal(new Configuration());
        Path dir = Files.createDirectories(tmp.resolve("charts"));
        String leftover = ".w16.png-" + java.util.UUID.randomUUID() + ".tmp";
        for (String name : new String[] {"w16.png", "w32.png", leftover, ".keep", ".notes.tmp", ".w16.png-1234.tmp"}) {
            Files.writeString(dir.resolve(name), name);
        }
        org.apache.hadoop.fs.Path d = new org.apache.hadoop.fs.Path(dir.toUri());
        Publish.retainOnly(fs, d, Set.of("w16.png"));
        assertEquals(Set.of(".keep", ".notes.tmp", leftover, ".w16.png-1234.tmp", "w16.png"), Set.copyOf(names(dir)),
                "hidden entries are not charts");
        Publish.removeLeftovers(fs, d);
        // a user's own hidden .tmp files are not an interrupted publication's
        assertEquals(List.of(".keep", ".notes.tmp", ".w16.png-1234.tmp", "w16.png"), names(dir),
                "only an interrupted publication's .name-<UUID>.tmp goes");
        Publish.retainOnly(fs, new org.apache.hadoop.fs.Path(tmp.resolve("absent").toUri()), Set.of());
    }

    private static List<String> visible(FileSystem fs, Path dir) throws Exception {
        return Arrays.stream(fs.listStatus(new org.apache.hadoop.fs.Path(dir.toUri()))).map(FileStatus::getPath)
                .map(org.apache.hadoop.fs.Path::getName).filter(n -> !n.endsWith(".crc")).sorted().toList();
    }

    private static List<String> names(Path dir) throws Exception {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).sorted().toList();
        }
    }
}
