package org.initsweep.core.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * MNIST stand-ins for tests: the shared 8,000/2,000 subset under MNIST's four file names, with a checksum
 * table computed from those files (the published table describes the real files, which tests do not have).
 */
final class MnistFixture {

    private MnistFixture() {
    }

    /** The shared files, in table order (train images, train labels, test images, test labels). */
    static final List<String> SOURCES = List.of(SharedDatasets.TRAIN_IMAGES, SharedDatasets.TRAIN_LABELS,
            SharedDatasets.TEST_IMAGES, SharedDatasets.TEST_LABELS);

    /** The bytes served or cached under MNIST name i. */
    static byte[] bytes(int i) {
        return SharedDatasets.bytes(SharedDatasets.file(SOURCES.get(i)));
    }

    /** MNIST's names with the subset's length, SHA-256 and MD5. */
    static List<RemoteFile> table() {
        List<RemoteFile> files = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            byte[] b = bytes(i);
            files.add(new RemoteFile(Mnist.FILES.get(i).name(), b.length, SharedDatasets.sha256(b), md5(b)));
        }
        return files;
    }

    /** A store over {@code dir} with the test table. */
    static MnistStore store(Path dir, URI... mirrors) {
        return new MnistStore(dir, table(), List.of(mirrors.length == 0 ? new URI[] {URI.create("http://mirror.example/mnist/")} : mirrors));
    }

    /** Copies the subset into {@code dir} under MNIST's names. */
    static void place(Path dir) {
        try {
            Files.createDirectories(dir);
            for (int i = 0; i < 4; i++) {
                Files.write(dir.resolve(Mnist.FILES.get(i).name()), bytes(i));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String md5(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
