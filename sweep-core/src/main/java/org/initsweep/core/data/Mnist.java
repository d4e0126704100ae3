package org.initsweep.core.data;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.initsweep.core.UserInputException;

/**
 * MNIST (LeCun, Cortes, Burges, "The MNIST database of handwritten digits"; CC BY-SA 3.0): the four
 * standard IDX files, their published checksums and the public mirrors they are served from.
 *
 * <p>Checksums: the MD5s are those torchvision checks ({@code torchvision/datasets/mnist.py},
 * {@code MNIST.resources}); lengths and SHA-256s those TensorFlow Datasets checks
 * ({@code tensorflow_datasets/url_checksums/mnist.txt}). Mirrors, tried in order: torchvision's
 * ({@code MNIST.mirrors}: {@code https://ossci-datasets.s3.amazonaws.com/mnist/} and the original
 * {@code http://yann.lecun.com/exdb/mnist/}) and TensorFlow Datasets' Google Cloud Storage copy
 * ({@code https://storage.googleapis.com/cvdf-datasets/mnist/}); HTTPS first, and whatever the
 * transport, a file is kept only if its length, SHA-256 and MD5 match.
 *
 * <p>Two system properties replace the built-in tables, for tests and for air-gapped sites with their
 * own mirror: {@value #MIRRORS_PROPERTY} (comma-separated base URLs) and {@value #CHECKSUMS_PROPERTY}
 * (the path of a file of {@code sha256sum} lines, {@code <sha256>  <file name>}, for the four names).
 */
public final class Mnist {

    /** The dataset's name in specs and its folder in the data directory. */
    public static final String NAME = "mnist";

    /** The four files: train images, train labels, test images, test labels (in this order). */
    public static final List<RemoteFile> FILES = List.of(
            new RemoteFile("train-images-idx3-ubyte.gz", 9_912_422,
                    "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", "f68b3c2dcbeaaa9fbdd348bbdeb94873"),
            new RemoteFile("train-labels-idx1-ubyte.gz", 28_881,
                    "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", "d53e105ee54ea40749a09fcbcd1e9432"),
            new RemoteFile("t10k-images-idx3-ubyte.gz", 1_648_877,
                    "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", "9fb629c4189551a2d022fa330f9573f3"),
            new RemoteFile("t10k-labels-idx1-ubyte.gz", 4_542,
                    "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", "ec29112dd5afa0611ce80d1b7f02629c"));

    /** Public mirrors, in the order tried. */
    public static final List<URI> MIRRORS = List.of(
            URI.create("https://ossci-datasets.s3.amazonaws.com/mnist/"),
            URI.create("https://storage.googleapis.com/cvdf-datasets/mnist/"),
            URI.create("http://yann.lecun.com/exdb/mnist/"));

    /** System property: comma-separated mirror base URLs replacing {@link #MIRRORS}. */
    public static final String MIRRORS_PROPERTY = "initsweep.mnist.mirrors";
    /** System property: a {@code sha256sum} file replacing the checksums of {@link #FILES}. */
    public static final String CHECKSUMS_PROPERTY = "initsweep.mnist.checksums";

    private Mnist() {
    }

    /**
     * The mirrors: {@value #MIRRORS_PROPERTY} if set, else {@link #MIRRORS}.
     *
     * @throws UserInputException if the property holds an entry that is not an http(s) URL
     */
    public static List<URI> configuredMirrors() {
        String prop = System.getProperty(MIRRORS_PROPERTY);
        if (prop == null || prop.isBlank()) {
            return MIRRORS;
        }
        List<URI> mirrors = new ArrayList<>();
        for (String s : prop.split(",")) {
            if (s.isBlank()) {
                continue;
            }
            try {
                URI u = URI.create(s.strip());
                if (!"http".equals(u.getScheme()) && !"https".equals(u.getScheme())) {
                    throw new IllegalArgumentException("not http or https");
                }
                mirrors.add(u);
            } catch (IllegalArgumentException e) {
                throw new UserInputException("-D" + MIRRORS_PROPERTY + ": not an http(s) URL: \"" + s.strip() + "\"");
            }
        }
        return List.copyOf(mirrors);
    }

    /**
     * The file table: {@value #CHECKSUMS_PROPERTY} if set, else {@link #FILES}.
     *
     * @throws UserInputException if the checksum file cannot be read or a line is not
     *                            {@code <sha256>  <file name>}
     */
    public static List<RemoteFile> configuredFiles() {
        String prop = System.getProperty(CHECKSUMS_PROPERTY);
        if (prop == null || prop.isBlank()) {
            return FILES;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(Path.of(prop));
        } catch (IOException e) {
            throw DataErrors.io("-D" + CHECKSUMS_PROPERTY + "=" + prop, e);
        }
        Map<String, String> sums = new HashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] parts = line.split("\\s+\\*?", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9a-fA-F]{64}")) {
                throw new UserInputException(String.format(Locale.ROOT, "%s: line %d: expected \"<sha256>  <file name>\"",
                        prop, i + 1));
            }
            sums.put(parts[1], parts[0].toLowerCase(Locale.ROOT));
        }
        List<RemoteFile> files = new ArrayList<>();
        for (RemoteFile f : FILES) {
            String sha = sums.get(f.name());
            if (sha == null) {
                throw new UserInputException(prop + ": no checksum for " + f.name());
            }
            files.add(new RemoteFile(f.name(), -1, sha, null));
        }
        return List.copyOf(files);
    }

    /** The cache of MNIST in a data directory: {@code <dataDir>/mnist} with the configured tables. */
    public static MnistStore store(Path dataDir) {
        return new MnistStore(dataDir.resolve(NAME), configuredFiles(), configuredMirrors());
    }
}
