package org.initsweep.analysis.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.initsweep.analysis.DeepestCurves;
import org.initsweep.analysis.ResultViews;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a sweep's HTML report, {@code DIR/report/index.html}: one self-contained page (no
 * network, the charting library inlined) with the spec, run counts, engine and times, and per
 * chart group the regime heatmap over depth × m with the lines m = 1 and the predicted m_c,
 * per-layer forward and backward variance at the first and last recorded epoch, and cost curves.
 * The page is written on the driver's local disk, then copied to the output directory's file
 * system (HDFS or S3 on a cluster), as the PNG charts are.
 */
public final class HtmlReport {

    /** Folder of the report under a sweep's output directory. */
    public static final String DIR = "report";
    /** The page's file name. */
    public static final String FILE = "index.html";

    private static final Logger LOG = LoggerFactory.getLogger(HtmlReport.class);

    private HtmlReport() {
    }

    /**
     * @param dir        an analyzed sweep's output directory
     * @param chartFiles the PNG charts written for it (each chart of the page links its PNG)
     * @return the path of the page written
     * @throws IOException on file system errors
     */
    public static String write(SparkSession spark, String dir, List<String> chartFiles) throws IOException {
        ResultViews.register(spark, dir);
        return write(spark, dir, chartFiles, new DeepestCurves.Reading(spark));
    }

    /**
     * As {@link #write(SparkSession, String, List)}, within an analysis: the views of {@code dir} are
     * registered, and {@code curves} is what its charts drew.
     *
     * @throws IOException on file system errors
     */
    public static String write(SparkSession spark, String dir, List<String> chartFiles, DeepestCurves.Reading curves)
            throws IOException {
        String html = ReportPage.render(ReportData.collect(spark, dir, chartFiles, curves));
        java.nio.file.Path local = Files.createTempFile("initsweep-report", ".html");
        try {
            Files.writeString(local, html, StandardCharsets.UTF_8);
            Path target = new Path(dir, DIR);
            FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
            fs.mkdirs(target);
            Path dst = new Path(target, FILE);
            org.initsweep.analysis.io.Publish.file(fs, local, dst);
            LOG.info("Report: {}", dst);
            return dst.toString();
        } finally {
            Files.deleteIfExists(local);
        }
    }
}
