package org.initsweep.spark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.initsweep.core.UserInputException;
import org.initsweep.core.data.CsvTableReader;
import org.initsweep.core.data.Input;
import org.initsweep.core.data.MemoryBudget;
import org.initsweep.core.data.ReadResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dataset files through Hadoop's FileSystem: plain paths and file: URIs, and the messages for what cannot be read. */
class HadoopPathOpenerTest {

    private final HadoopPathOpener opener = new HadoopPathOpener(new Configuration());

    private ReadResult csv(String path) {
        return CsvTableReader.read(Input.of("path", path, opener), "label", "t", MemoryBudget.UNLIMITED);
    }

    @Test
    void plainPathsAndFileUrisReadTheSameBytes(@TempDir Path tmp) throws Exception {
        Path f = tmp.resolve("t.csv");
        Files.writeString(f, "a,label\n1.5,0\n2.5,1\n");
        ReadResult plain = csv(f.toString());
        ReadResult uri = csv(f.toUri().toString());
        assertArrayEquals(new float[] {1.5f, 2.5f}, plain.data().x());
        assertArrayEquals(plain.data().x(), uri.data().x());
        assertEquals(plain.files().get(0).sha256(), uri.files().get(0).sha256());
        assertEquals(Files.size(f), opener.size(f.toUri().toString()));
    }

    @Test
    void namesWithNonAsciiLettersAColonOrASpaceAreRead(@TempDir Path tmp) throws Exception {
        for (String name : new String[] {"ünï.csv", "x:y.csv", "a b.csv"}) {
            Path f = tmp.resolve(name);
            Files.writeString(f, "a,label\n1.5,0\n2.5,1\n");
            assertArrayEquals(new float[] {1.5f, 2.5f}, csv(f.toString()).data().x(), name);
            assertEquals(Files.size(f), opener.size(f.toString()), name);
        }
    }

    @Test
    void whatCannotBeReadIsNamed(@TempDir Path tmp) {
        String missing = tmp.resolve("none.csv").toString();
        assertEquals(missing + ": no such file", assertThrows(UserInputException.class, () -> csv(missing)).getMessage());
        assertEquals(tmp + ": is a directory, not a file", assertThrows(UserInputException.class, () -> csv(tmp.toString())).getMessage());
        Path fifo = tmp.resolve("fifo.csv");
        assertEquals(0, assertDoesNotThrow(() -> new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()));
        assertEquals(fifo + ": is not a regular file (a FIFO, device or socket); give a file",
                org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
                        () -> assertThrows(UserInputException.class, () -> csv(fifo.toString())).getMessage()));
        String m = assertThrows(UserInputException.class, () -> csv("nosuchfs://host/x.csv")).getMessage();
        assertTrue(m.startsWith("nosuchfs://host/x.csv: cannot read it (UnsupportedFileSystemException: "), m);
    }
}
