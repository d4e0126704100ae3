package org.initsweep.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.initsweep.core.UserInputException;

/**
 * MNIST's four IDX files in a cache directory: what is there, whether it matches the published
 * checksums, and reading it. A file may also be placed by hand, gzipped under its published name
 * (checked against the published SHA-256 when read) or gunzipped without the {@code .gz} (no published
 * checksum to check it against; the IDX reader still checks its structure).
 */
public final class MnistStore {

    /** Spec roles of the four files, in the order of the file table. */
    static final List<String> ROLES = List.of("images", "labels", "test_images", "test_labels");

    private final Path dir;
    private final List<RemoteFile> files;
    private final List<URI> mirrors;

    /**
     * @param dir     the folder holding the files, e.g. {@code ~/.initsweep/data/mnist}
     * @param files   train images, train labels, test images, test labels, with their checksums
     * @param mirrors base URLs the files can be downloaded from (named in messages; used by {@link MnistFetcher})
     * @throws IllegalArgumentException if there are not 4 files or no mirror
     */
    public MnistStore(Path dir, List<RemoteFile> files, List<URI> mirrors) {
        if (files.size() != ROLES.size()) {
            throw new IllegalArgumentException("MNIST has 4 files, got " + files.size());
        }
        if (mirrors.isEmpty()) {
            throw new IllegalArgumentException("no mirrors");
        }
        this.dir = dir;
        this.files = List.copyOf(files);
        this.mirrors = List.copyOf(mirrors);
    }

    /** Whether the files are checked against MNIST's published checksums, not a {@value Mnist#CHECKSUMS_PROPERTY} file. */
    public boolean published() {
        return files.equals(Mnist.FILES);
    }

    /** What a file is checked against, for messages: "the published file", or the checksums property's line. */
    public String reference() {
        return published() ? "the published file" : "its checksum in -D" + Mnist.CHECKSUMS_PROPERTY;
    }

    /** The cache folder. */
    public Path dir() {
        return dir;
    }

    /** The file table, in the order train images, train labels, test images, test labels. */
    public List<RemoteFile> files() {
        return files;
    }

    /** The mirrors' base URLs. */
    public List<URI> mirrors() {
        return mirrors;
    }

    /** What the cache holds of one file. */
    public enum State {
        /** The gzip file is there and matches the published length and checksums. */
        VERIFIED,
        /** Only the gunzipped file is there; no published checksum covers it. */
        UNVERIFIED,
        /** The gzip file is there but differs from the published one. */
        CORRUPT,
        /** Neither form is there. */
        MISSING
    }

    /**
     * One file's state.
     *
     * @param file   the table entry
     * @param path   the file found, or where the gzip file belongs when missing
     * @param state  what was found
     * @param bytes  its length (0 when missing)
     * @param detail for {@link State#CORRUPT}, how it differs; else empty
     */
    public record FileStatus(RemoteFile file, Path path, State state, long bytes, String detail) {
    }

    /** The state of every file, checksums computed (reads the gzip files in full). */
    public List<FileStatus> status() {
        return files.stream().map(this::status).toList();
    }

    /** The state of one file of the table. */
    public FileStatus status(RemoteFile f) {
        Path gz = dir.resolve(f.name());
        Path plain = dir.resolve(f.plainName());
        try {
            if (Files.isRegularFile(gz)) {
                String mismatch = mismatch(gz, f);
                return new FileStatus(f, gz, mismatch == null ? State.VERIFIED : State.CORRUPT, Files.size(gz),
                        mismatch == null ? "" : mismatch);
            }
            if (!plain.equals(gz) && Files.isRegularFile(plain)) {
                return new FileStatus(f, plain, State.UNVERIFIED, Files.size(plain), "");
            }
        } catch (IOException e) {
            throw DataErrors.io(gz.toString(), e);
        }
        return new FileStatus(f, gz, State.MISSING, 0, "");
    }

    /**
     * How the file at {@code p} differs from the published one, or null if its length, SHA-256 and
     * (when published) MD5 all match.
     */
    static String mismatch(Path p, RemoteFile f) throws IOException {
        MessageDigest sha = HashedInput.sha256();
        MessageDigest md5 = md5();
        long n = 0;
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) > 0; n += r) {
                sha.update(buf, 0, r);
                md5.update(buf, 0, r);
            }
        }
        return mismatch(f, n, HexFormat.of().formatHex(sha.digest()), HexFormat.of().formatHex(md5.digest()));
    }

    /** How (length, SHA-256, MD5) differ from the expected values, or null if they match. */
    static String mismatch(RemoteFile f, long bytes, String sha256, String md5) {
        if (f.bytes() >= 0 && bytes != f.bytes()) {
            return String.format(Locale.ROOT, "%,d bytes, expected %,d", bytes, f.bytes());
        }
        if (!sha256.equals(f.sha256())) {
            return "SHA-256 " + sha256 + ", expected " + f.sha256();
        }
        if (f.md5() != null && md5 != null && !md5.equals(f.md5())) {
            return "MD5 " + md5 + ", expected " + f.md5();
        }
        return null;
    }

    static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    /**
     * Bytes MNIST takes in memory, from the image files' headers.
     *
     * @throws UserInputException if a file is missing (see {@link #load})
     */
    public long estimateBytes() {
        List<Input> in = inputs();
        return IdxReader.imagesHeader(in.get(0)).dataBytes() + IdxReader.imagesHeader(in.get(2)).dataBytes();
    }

    /**
     * Reads train (60,000 for the real MNIST) and test (10,000) from the cache, after checking the size
     * against the budget. A gzip file is checked against its published SHA-256 as it is read.
     *
     * @throws UserInputException if a file is missing (one line naming the files, where to download
     *     them and where to put them), differs from the published one, is malformed, or the data exceed
     *     the budget
     */
    public LoadedDataset load(MemoryBudget budget) {
        List<Input> in = inputs();
        budget.check(Mnist.NAME, IdxReader.imagesHeader(in.get(0)).dataBytes() + IdxReader.imagesHeader(in.get(2)).dataBytes());
        ReadResult train = IdxReader.read(in.get(0), in.get(1));
        ReadResult test = IdxReader.read(in.get(2), in.get(3));
        List<DataFile> read = new ArrayList<>(train.files());
        read.addAll(test.files());
        for (int i = 0; i < read.size(); i++) {
            DataFile d = read.get(i);
            RemoteFile f = files.get(i);
            if (d.path().endsWith(".gz")) {
                String mismatch = mismatch(f, d.bytes(), d.sha256(), null);
                if (mismatch != null) {
                    throw new UserInputException(d.path() + ": differs from " + reference() + " (" + mismatch
                            + "); delete it and run `initsweep data fetch mnist`" + (published()
                            ? " (a subset of your own: -D" + Mnist.CHECKSUMS_PROPERTY + " names its SHA-256s)" : ""));
                }
            }
        }
        LabeledData testData = Classes.alignTest(train.data(), test.data(), in.get(2).path(), in.get(3).path());
        return new LoadedDataset(Mnist.NAME, train.data(), testData, read);
    }

    /** The four files as inputs (gzip preferred), or the one-line refusal naming what is missing. */
    private List<Input> inputs() {
        List<Input> inputs = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            RemoteFile f = files.get(i);
            Path gz = dir.resolve(f.name());
            Path plain = dir.resolve(f.plainName());
            Path p = Files.isRegularFile(gz) ? gz : Files.isRegularFile(plain) ? plain : null;
            if (p == null) {
                missing.add(f.name());
            } else {
                inputs.add(Input.of(ROLES.get(i), p.toString(), PathOpener.local()));
            }
        }
        if (!missing.isEmpty()) {
            throw new UserInputException("dataset mnist: " + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are")
                    + " not in " + dir + "; run `initsweep data fetch mnist`, or " + downloadHint());
        }
        return inputs;
    }

    /** "download A, B, C and D from URL (or URL2, …) and put them in DIR (…)" */
    public String downloadHint() {
        List<String> names = files.stream().map(RemoteFile::name).toList();
        String list = String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        String others = mirrors.size() == 1 ? "" : " (or " + mirrors.subList(1, mirrors.size()).stream()
                .map(URI::toString).collect(Collectors.joining(", ")) + ")";
        return "download " + list + " from " + mirrors.get(0) + others + " and put them in " + dir
                + " (--data-dir or " + DataDir.ENV + " choose the data directory)";
    }
}
