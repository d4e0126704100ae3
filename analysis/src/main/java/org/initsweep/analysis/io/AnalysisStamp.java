package org.initsweep.analysis.io;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.initsweep.core.trace.Tables;

/**
 * Which committed runs a directory's analysis describes, so that a reader can tell an analysis that runs
 * committed later (a sweep resumed with {@code --no-analyze}, or one recomputing a damaged chunk) have
 * left behind.
 *
 * <p>The stamp {@value Tables#ANALYZED} holds {@code runs N} (the runs the analysis read) and then the
 * names of the chunk manifests in {@value Tables#CHUNKS} when it started, one per line, sorted. An analysis
 * removes the stamp when it starts and writes it last, so a stamp is never older than the tables beside it;
 * an analysis killed halfway leaves none, and neither did analyses of earlier builds: no stamp, no verdict.
 * Every chunk commit adds a manifest with a fresh id, so the directory has changed since the analysis
 * exactly when the manifests differ from the stamp's.
 */
public final class AnalysisStamp {

    private static final String RUNS = "runs ";

    private AnalysisStamp() {
    }

    /**
     * The names of the committed chunks' manifests, sorted; empty where there are none.
     *
     * @throws IOException if the folder cannot be listed
     */
    public static List<String> chunks(FileSystem fs, Path dir) throws IOException {
        Path manifests = new Path(dir, Tables.CHUNKS);
        List<String> names = new ArrayList<>();
        if (fs.exists(manifests)) {
            for (FileStatus s : fs.listStatus(manifests)) {
                String name = s.getPath().getName();
                if (!name.startsWith(".")) { // a manifest being written
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names;
    }

    /** Deletes the stamp: the tables are about to change. */
    public static void clear(FileSystem fs, Path dir) throws IOException {
        fs.delete(new Path(dir, Tables.ANALYZED), false);
    }

    /**
     * Writes the stamp beside its place and renames it in.
     *
     * @param chunks the manifests present when the analysis read the runs ({@link #chunks})
     * @param runs   how many runs it read
     * @throws IOException on file system errors
     */
    public static void write(FileSystem fs, Path dir, List<String> chunks, long runs) throws IOException {
        StringBuilder text = new StringBuilder(RUNS).append(runs).append('\n');
        chunks.forEach(c -> text.append(c).append('\n'));
        Publish.text(fs, text.toString(), new Path(dir, Tables.ANALYZED));
    }

    /**
     * How many runs the directory's analysis read, when chunks were committed or removed since it was made;
     * empty when it is current, or when there is no stamp to tell (no analysis, an interrupted one, or one
     * of an earlier build).
     *
     * @throws IOException on file system errors
     */
    public static OptionalLong staleSince(FileSystem fs, Path dir) throws IOException {
        Path stamp = new Path(dir, Tables.ANALYZED);
        if (!fs.exists(stamp)) {
            return OptionalLong.empty();
        }
        List<String> lines = TextFiles.read(fs, stamp).lines().toList();
        if (lines.isEmpty() || !lines.get(0).startsWith(RUNS)) {
            return OptionalLong.empty(); // not ours to judge
        }
        long runs;
        try {
            runs = Long.parseLong(lines.get(0).substring(RUNS.length()).strip());
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
        return lines.subList(1, lines.size()).equals(chunks(fs, dir)) ? OptionalLong.empty() : OptionalLong.of(runs);
    }

    /**
     * The warning line when the directory's analysis is stale ({@link #staleSince}), else empty.
     *
     * @param named how messages name the directory
     * @param now   counts the runs committed now, or gives empty where they cannot be counted (an unreadable
     *              {@code runs/} is the caller's to report, in its own words: then no warning); asked only
     *              when the analysis is stale
     * @throws IOException on file system errors
     */
    public static java.util.Optional<String> warningIfStale(FileSystem fs, Path dir, String named,
            java.util.function.Supplier<OptionalLong> now) throws IOException {
        OptionalLong analyzed = staleSince(fs, dir);
        if (analyzed.isEmpty()) {
            return java.util.Optional.empty();
        }
        OptionalLong runs = now.get();
        return runs.isPresent() ? java.util.Optional.of(warning(named, analyzed.getAsLong(), runs.getAsLong(),
                fs.exists(new Path(dir, Tables.CHARTS)))) : java.util.Optional.empty();
    }

    /**
     * The warning for a stale analysis.
     *
     * @param dir      the directory as the user named it
     * @param analyzed the runs the analysis read ({@link #staleSince})
     * @param now      the runs committed now
     * @param drawn    whether it drew charts and the report ({@code analyze --no-charts} does not)
     */
    public static String warning(String dir, long analyzed, long now, boolean drawn) {
        return "the analysis in " + dir + " (its tables growth, regions and the rest"
                + (drawn ? ", charts and report" : "") + ") "
                + (analyzed == now ? "was made before runs were recomputed" : "covers " + analyzed + " of the " + now
                        + " runs committed now")
                + ": `initsweep analyze " + dir + "` brings it up to date";
    }
}
