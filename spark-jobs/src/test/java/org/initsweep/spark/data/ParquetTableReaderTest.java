package org.initsweep.spark.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.initsweep.core.UserInputException;
import org.initsweep.core.data.LabeledData;
import org.initsweep.core.data.MemoryBudget;
import org.initsweep.core.data.ReadResult;
import org.initsweep.spark.TestSpark;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parquet tables written by Spark: values, a fixed row order, provenance, and the CSV reader's checks. */
class ParquetTableReaderTest {

    private static SparkSession spark;

    @TempDir
    static Path tmp;

    @BeforeAll
    static void start() {
        spark = TestSpark.session("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
    }

    private static final StructType SCHEMA = new StructType()
            .add("a", DataTypes.DoubleType)
            .add("label", DataTypes.IntegerType)
            .add("b", DataTypes.LongType);

    /** 12 rows: a = i / 4, label = 10·(i mod 3) − 5, b = −i. */
    private static Dataset<Row> table() {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(RowFactory.create(i / 4.0, 10 * (i % 3) - 5, (long) -i));
        }
        return spark.createDataFrame(rows, SCHEMA);
    }

    private static String write(Dataset<Row> df, String name) {
        String p = tmp.resolve(name).toString();
        df.write().parquet(p);
        return p;
    }

    private static ReadResult read(String path) {
        return new ParquetTableReader(spark).read("path", path, "label", "pq", MemoryBudget.UNLIMITED);
    }

    private static List<Path> parts(String dir) throws Exception {
        try (Stream<Path> s = Files.list(Path.of(dir))) {
            return s.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
    }

    @Test
    void oneFileReadsInItsRowOrderWithItsDigest() throws Exception {
        String dir = write(table().coalesce(1), "one");
        Path file = parts(dir).get(0);
        ReadResult r = read(file.toString());
        LabeledData d = r.data();
        assertEquals(12, d.samples());
        assertEquals(List.of("a", "b"), d.featureNames());
        assertArrayEquals(new long[] {-5, 5, 15}, d.classValues());
        for (int i = 0; i < 12; i++) {
            assertEquals(i / 4.0f, d.x()[2 * i]);
            assertEquals(-i, d.x()[2 * i + 1]);
            assertEquals(i % 3, d.y()[i]);
        }
        byte[] bytes = Files.readAllBytes(file);
        assertEquals(bytes.length, r.files().get(0).bytes());
        assertEquals(sha256(bytes), r.files().get(0).sha256());
        assertEquals(LabeledData.bytes(12, 2), new ParquetTableReader(spark).estimateBytes(file.toString(), "label"));
    }

    @Test
    void aDirectoryReadsFileByFileInPathOrderWhateverTheSplits() throws Exception {
        String dir = write(table().repartition(3), "three");
        List<Path> parts = parts(dir);
        assertEquals(3, parts.size());
        // expected: each part file as Spark reads it alone, concatenated in file-name order
        List<Float> expectedB = new ArrayList<>();
        for (Path p : parts) {
            for (Row row : spark.read().parquet(p.toString()).collectAsList()) {
                expectedB.add((float) row.getLong(row.fieldIndex("b")));
            }
        }
        ReadResult r = read(dir);
        float[] x = r.data().x();
        for (int i = 0; i < 12; i++) {
            assertEquals(expectedB.get(i), x[2 * i + 1], "row " + i);
        }
        String before = spark.conf().get("spark.sql.files.maxPartitionBytes");
        try {
            spark.conf().set("spark.sql.files.maxPartitionBytes", "1");
            assertArrayEquals(x, read(dir).data().x(), "the same order with other input splits");
        } finally {
            spark.conf().set("spark.sql.files.maxPartitionBytes", before);
        }
        StringBuilder listing = new StringBuilder();
        long bytes = 0;
        for (Path p : parts) {
            listing.append(sha256(Files.readAllBytes(p))).append("  ").append(p.getFileName()).append('\n');
            bytes += Files.size(p);
        }
        assertEquals(sha256(listing.toString().getBytes(StandardCharsets.UTF_8)), r.files().get(0).sha256());
        assertEquals(bytes, r.files().get(0).bytes());
    }

    @Test
    void badCellsAreNamedByFileRowAndColumn() throws Exception {
        List<Row> rows = List.of(RowFactory.create(1.0, 1, 2L), RowFactory.create(Double.NaN, 0, 3L));
        String nan = write(spark.createDataFrame(rows, SCHEMA).coalesce(1), "nan");
        String m = assertThrows(UserInputException.class, () -> read(nan)).getMessage();
        String part = parts(nan).get(0).toUri().toString();
        assertEquals(part.replace("file:///", "file:/") + ": row 2, column \"a\": NaN is not allowed (features must be finite numbers)",
                m.replace("file:///", "file:/"));

        List<Row> nulls = List.of(RowFactory.create(1.0, 1, null));
        StructType nullable = new StructType().add("a", DataTypes.DoubleType).add("label", DataTypes.IntegerType)
                .add("b", DataTypes.LongType, true);
        String withNull = write(spark.createDataFrame(nulls, nullable).coalesce(1), "null");
        assertTrue(assertThrows(UserInputException.class, () -> read(withNull)).getMessage()
                .endsWith(": row 1, column \"b\": null (a missing value; features must be finite numbers)"));

        StructType doubleLabel = new StructType().add("a", DataTypes.DoubleType).add("label", DataTypes.DoubleType);
        String half = write(spark.createDataFrame(List.of(RowFactory.create(1.0, 2.0), RowFactory.create(1.0, 2.5)),
                doubleLabel).coalesce(1), "half");
        assertTrue(assertThrows(UserInputException.class, () -> read(half)).getMessage()
                .endsWith(": row 2, column \"label\": the label must be an integer, got 2.5"));
    }

    @Test
    void schemaProblemsAndMissingPaths() {
        StructType text = new StructType().add("name", DataTypes.StringType).add("label", DataTypes.IntegerType);
        String strings = write(spark.createDataFrame(List.of(RowFactory.create("x", 1)), text), "strings");
        assertEquals(strings + ": column \"name\" has type string; features must be numeric",
                assertThrows(UserInputException.class, () -> read(strings)).getMessage());
        StructType textLabel = new StructType().add("a", DataTypes.DoubleType).add("label", DataTypes.StringType);
        String labels = write(spark.createDataFrame(List.of(RowFactory.create(1.0, "cat")), textLabel), "text-labels");
        assertEquals(labels + ": the label column \"label\" has type string; labels must be integers",
                assertThrows(UserInputException.class, () -> read(labels)).getMessage());
        String t = write(table(), "nolabel");
        assertEquals(t + ": no label column \"y\"; columns: a, label, b (the dataset's \"label\" field names it)",
                assertThrows(UserInputException.class, () -> new ParquetTableReader(spark)
                        .read("path", t, "y", "pq", MemoryBudget.UNLIMITED)).getMessage());
        String missing = tmp.resolve("absent").toString();
        assertEquals(missing + ": no such file or directory",
                assertThrows(UserInputException.class, () -> read(missing)).getMessage());
    }

    @Test
    void aFileThatIsNotParquetSaysWhy() throws Exception {
        Path csv = tmp.resolve("table.csv");
        Files.writeString(csv, "a,label\n1,0\n2,1\n");
        String m = assertThrows(UserInputException.class, () -> read(csv.toString())).getMessage();
        assertTrue(m.startsWith(csv + ": cannot read it as Parquet ("), m);
        assertTrue(m.contains("is not a Parquet file") && m.endsWith(")"), m);
        assertEquals(1, m.lines().count(), m);
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
