package org.initsweep.analysis;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.chart.ChartRendering;
import org.initsweep.analysis.io.LocalScratch;
import org.initsweep.analysis.io.Publish;
import org.initsweep.core.trace.Tables;

/**
 * Draws a set of charts into a local scratch folder, their drawing on background threads
 * ({@link ChartRendering}) beside whatever queries the drawer runs meanwhile, then publishes each PNG into
 * {@code dir/charts/} ({@link Publish#file}); the scratch folder goes whatever happens ({@link LocalScratch}).
 */
public final class ChartPublisher {

    /** Writes charts into a folder and returns their files, in the order they were written. */
    @FunctionalInterface
    public interface Drawer {
        List<Path> draw(Path local) throws IOException;
    }

    private ChartPublisher() {
    }

    /**
     * @param dir    the sweep's output directory (any Hadoop file system)
     * @param prefix the scratch folder's name prefix
     * @return the published PNGs' paths, in the drawer's order
     * @throws IOException the first chart's failure, or a file system error
     */
    public static List<String> drawAndPublish(SparkSession spark, String dir, String prefix, Drawer drawer)
            throws IOException {
        try (LocalScratch scratch = LocalScratch.create(prefix)) {
            List<Path> drawn;
            try (ChartRendering drawing = ChartRendering.open(ChartRendering.defaultThreads())) {
                drawn = drawer.draw(scratch.dir());
                drawing.await();
            }
            org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(dir, Tables.CHARTS);
            FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.mkdirs(target);
            List<String> out = new ArrayList<>();
            for (Path png : drawn) {
                org.apache.hadoop.fs.Path dst = new org.apache.hadoop.fs.Path(target, png.getFileName().toString());
                Publish.file(fs, png, dst);
                out.add(dst.toString());
            }
            return out;
        }
    }
}
