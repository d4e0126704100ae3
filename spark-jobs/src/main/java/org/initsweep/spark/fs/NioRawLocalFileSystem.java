package org.initsweep.spark.fs;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;
import org.apache.hadoop.fs.permission.FsAction;
import org.apache.hadoop.fs.permission.FsPermission;

/**
 * Hadoop's raw local file system whose {@link #setPermission} calls
 * {@link Files#setPosixFilePermissions} instead of running {@code chmod}: Hadoop does so itself only
 * with its native library loaded. Creating a file or a directory with a permission goes through
 * {@code setPermission}, so neither starts a process.
 *
 * <p>A permission with the sticky bit, which Java's POSIX view cannot express, and file systems
 * without that view (Windows) keep Hadoop's own way.
 */
public class NioRawLocalFileSystem extends RawLocalFileSystem {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    /**
     * Sets {@code permission}'s user, group and other bits on {@code p} (following symbolic links, as
     * {@code chmod} does).
     *
     * @throws IOException as {@code chmod} would fail: no such file, or no right to change it
     */
    @Override
    public void setPermission(Path p, FsPermission permission) throws IOException {
        if (!POSIX || (permission.toShort() & ~0777) != 0) {
            super.setPermission(p, permission);
            return;
        }
        Files.setPosixFilePermissions(pathToFile(p).toPath(), posix(permission));
    }

    /** The nine permission bits of {@code permission} as Java's POSIX permissions. */
    static Set<PosixFilePermission> posix(FsPermission permission) {
        Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
        add(out, permission.getUserAction(), PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                PosixFilePermission.OWNER_EXECUTE);
        add(out, permission.getGroupAction(), PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE,
                PosixFilePermission.GROUP_EXECUTE);
        add(out, permission.getOtherAction(), PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE,
                PosixFilePermission.OTHERS_EXECUTE);
        return out;
    }

    private static void add(Set<PosixFilePermission> out, FsAction action, PosixFilePermission read,
            PosixFilePermission write, PosixFilePermission execute) {
        if (action.implies(FsAction.READ)) {
            out.add(read);
        }
        if (action.implies(FsAction.WRITE)) {
            out.add(write);
        }
        if (action.implies(FsAction.EXECUTE)) {
            out.add(execute);
        }
    }
}
