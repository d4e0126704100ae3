package org.initsweep.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.initsweep.core.UserInputException;

/** {@link PathOpener#local()}: plain paths and {@code file:} URIs on the local file system. */
final class LocalPathOpener implements PathOpener {

    static final LocalPathOpener INSTANCE = new LocalPathOpener();

    /** A URI scheme such as {@code hdfs:} (two or more letters, so a Windows drive letter is not one). */
    private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]+:.*");

    private LocalPathOpener() {
    }

    @Override
    public InputStream open(String path) throws IOException {
        Path p = resolve(path);
        if (Files.isDirectory(p)) {
            throw new FileSystemException(path, null, "is a directory, not a file");
        }
        if (Files.exists(p) && !Files.isRegularFile(p)) {
            throw new FileSystemException(path, null, NOT_REGULAR_FILE);
        }
        return Files.newInputStream(p);
    }

    @Override
    public long size(String path) throws IOException {
        return Files.size(resolve(path));
    }

    static Path resolve(String path) {
        if (path.startsWith("file:")) {
            // as Hadoop's Path reads it, which reads the sweep's data: the letters as written (spaces, "é", a
            // "%" too), not the escaped form java.net.URI requires
            String rest = path.substring("file:".length());
            if (rest.startsWith("//")) {
                int slash = rest.indexOf('/', 2);
                String host = slash < 0 ? rest.substring(2) : rest.substring(2, slash);
                if (!host.isEmpty() && !host.equals("localhost")) {
                    throw new UserInputException(path + ": not a local file: URI (host " + host + ")");
                }
                rest = slash < 0 ? "/" : rest.substring(slash);
            }
            try {
                return Path.of(rest);
            } catch (java.nio.file.InvalidPathException e) {
                throw new UserInputException(path + ": not a valid file: URI (" + e.getMessage() + ")", e);
            }
        }
        if (SCHEME.matcher(path).matches()) {
            throw new UserInputException(path + ": only local files can be read here; a file system URI needs the"
                    + " Spark job's Hadoop reader");
        }
        return Path.of(path);
    }
}
