package org.initsweep.spark.fs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local file system that sets permissions without a process: same modes as Hadoop's, no {@code chmod}. */
class NioLocalFileSystemTest {

    private static FileSystem nio() throws IOException {
        FileSystem fs = new NioLocalFileSystem();
        fs.initialize(java.net.URI.create("file:///"), new Configuration());
        return fs;
    }

    private static String mode(java.nio.file.Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** Creates {@code dir/a} (0640), its directory {@code dir/d/e} (0750) and re-modes the file to 0604. */
    private static void work(FileSystem fs, java.nio.file.Path dir) throws IOException {
        FsPermission file = new FsPermission((short) 0640);
        try (FSDataOutputStream out = fs.create(new Path(dir.resolve("a").toUri()), file, true, 4096, (short) 1,
                1 << 20, null)) {
            out.write(42);
        }
        fs.mkdirs(new Path(dir.resolve("d/e").toUri()), new FsPermission((short) 0750));
        fs.setPermission(new Path(dir.resolve("b").toUri()), new FsPermission((short) 0604));
    }

    @Test
    void createsFilesAndDirectoriesWithTheModesHadoopGives(@TempDir java.nio.file.Path tmp) throws IOException {
        java.nio.file.Path ours = Files.createDirectory(tmp.resolve("nio"));
        java.nio.file.Path hadoops = Files.createDirectory(tmp.resolve("hadoop"));
        Files.writeString(ours.resolve("b"), "x");
        Files.writeString(hadoops.resolve("b"), "x");
        work(nio(), ours);
        work(FileSystem.newInstance(java.net.URI.create("file:///"), new Configuration()), hadoops);

        // 0640, 0750 and 0604 less the umask (022): the bits asked for, none added.
        assertEquals("rw-r-----", mode(ours.resolve("a")));
        assertEquals("rwxr-x---", mode(ours.resolve("d/e")));
        assertEquals("rw----r--", mode(ours.resolve("b")));
        for (String f : new String[] {"a", ".a.crc", "d", "d/e", "b"}) {
            assertEquals(mode(hadoops.resolve(f)), mode(ours.resolve(f)), f);
        }
        assertEquals(42, Files.readAllBytes(ours.resolve("a"))[0]);
    }

    @Test
    void aMissingFileIsAnIoError(@TempDir java.nio.file.Path tmp) throws IOException {
        FileSystem fs = nio();
        assertThrows(NoSuchFileException.class,
                () -> fs.setPermission(new Path(tmp.resolve("none").toUri()), new FsPermission((short) 0644)));
    }

    @Test
    void theStickyBitKeepsHadoopsWay(@TempDir java.nio.file.Path tmp) throws IOException {
        java.nio.file.Path d = Files.createDirectory(tmp.resolve("shared"));
        nio().setPermission(new Path(d.toUri()), new FsPermission((short) 01777));
        assertEquals(01777, (int) Files.getAttribute(d, "unix:mode") & 07777);
    }

    @Test
    void startsNoProcessWhereHadoopsStartsOneEach(@TempDir java.nio.file.Path tmp) throws Exception {
        FileSystem hadoops = FileSystem.newInstance(java.net.URI.create("file:///"), new Configuration());
        assertTrue(hadoops instanceof LocalFileSystem && !(hadoops instanceof NioLocalFileSystem));
        java.nio.file.Path a = Files.createDirectory(tmp.resolve("hadoop"));
        java.nio.file.Path b = Files.createDirectory(tmp.resolve("nio"));
        Files.writeString(a.resolve("b"), "x");
        Files.writeString(b.resolve("b"), "x");
        // Hadoop's own: chmod for the file, its checksum, each new directory (d, d/e) and the re-mode.
        assertEquals(5, ProcessStarts.during(() -> work(hadoops, a)));
        assertEquals(0, ProcessStarts.during(() -> work(nio(), b)));
    }
}
