package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.FileNotFoundException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;

/** The few words that name what kept a data file from being read. */
class DataErrorsTest {

    @Test
    void aFileWithoutReadPermissionIsNotCalledMissing() {
        // java.io.FileInputStream's (and so Hadoop's local file system's) failures are both FileNotFoundException
        assertEquals("permission denied", DataErrors.describe(new FileNotFoundException("/d/locked.csv (Permission denied)")));
        assertEquals("no such file", DataErrors.describe(new FileNotFoundException("/d/none.csv (No such file or directory)")));
        assertEquals("permission denied", DataErrors.describe(new AccessDeniedException("/d/locked.csv")));
        assertEquals("no such file", DataErrors.describe(new NoSuchFileException("/d/none.csv")));
    }
}
