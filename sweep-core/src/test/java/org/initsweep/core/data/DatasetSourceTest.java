package org.initsweep.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dataset entries of a spec: names and objects, every problem with its JSON path, and back to JSON. */
class DatasetSourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static DatasetSource parse(String json, List<String> problems) throws Exception {
        return DatasetSource.parse(JSON.readTree(json), "datasets[1]", (p, m) -> problems.add(p + ": " + m));
    }

    private static DatasetSource ok(String json) throws Exception {
        List<String> problems = new ArrayList<>();
        DatasetSource s = parse(json, problems);
        assertEquals(List.of(), problems);
        assertEquals(s, parse(s.toJson().toString(), problems), "toJson reads back as the same source");
        return s;
    }

    private static List<String> problems(String json) throws Exception {
        List<String> problems = new ArrayList<>();
        assertNull(parse(json, problems));
        return problems;
    }

    @Test
    void namesAndTheirObjectForm() throws Exception {
        assertEquals(new DatasetSource.Generated(DatasetKind.MOONS), ok("\"moons\""));
        assertEquals(new DatasetSource.DigitsData(), ok("\"digits\""));
        assertEquals(new DatasetSource.MnistData(), ok("{\"name\": \"mnist\"}"));
        assertEquals("\"mnist\"", new DatasetSource.MnistData().toJson().toString());
        assertEquals(true, new DatasetSource.MnistData().hasTestFiles());
        assertEquals(false, new DatasetSource.DigitsData().hasTestFiles());
    }

    @Test
    void filesAndTables() throws Exception {
        assertEquals(new DatasetSource.IdxFiles("my-digits", "a/i.gz", "a/l.gz", "t/i", "t/l"), ok("""
                {"name": "my-digits", "format": "idx", "images": "a/i.gz", "labels": "a/l.gz",
                 "test_images": "t/i", "test_labels": "t/l"}"""));
        DatasetSource idx = ok("{\"name\": \"x\", \"format\": \"idx\", \"images\": \"i\", \"labels\": \"l\"}");
        assertEquals(false, idx.hasTestFiles());
        assertEquals(new DatasetSource.TableFile("iris", DatasetSource.TableFormat.CSV, "hdfs://nn/iris.csv", "species", null),
                ok("{\"name\": \"iris\", \"format\": \"csv\", \"path\": \"hdfs://nn/iris.csv\", \"label\": \"species\"}"));
        assertEquals(new DatasetSource.TableFile("t", DatasetSource.TableFormat.PARQUET, "p", "label", "q"),
                ok("{\"name\": \"t\", \"format\": \"parquet\", \"path\": \"p\", \"test_path\": \"q\"}"));
    }

    @Test
    void aCsvTableMayLackAHeaderRow() throws Exception {
        DatasetSource headerless = ok("{\"name\": \"o\", \"format\": \"csv\", \"path\": \"o.csv.gz\", \"label\": \"_c64\","
                + " \"header\": false}");
        assertEquals(new DatasetSource.TableFile("o", DatasetSource.TableFormat.CSV, "o.csv.gz", "_c64", null, false), headerless);
        assertEquals("{\"name\":\"o\",\"format\":\"csv\",\"path\":\"o.csv.gz\",\"label\":\"_c64\",\"header\":false}",
                headerless.toJson().toString());
        DatasetSource named = ok("{\"name\": \"o\", \"format\": \"csv\", \"path\": \"o.csv\", \"header\": true}");
        assertEquals(new DatasetSource.TableFile("o", DatasetSource.TableFormat.CSV, "o.csv", "label", null), named);
        assertEquals("{\"name\":\"o\",\"format\":\"csv\",\"path\":\"o.csv\",\"label\":\"label\"}", named.toJson().toString(),
                "a header row, the default, is not written: a spec's JSON and its runs stay as before the field");
        assertEquals(List.of("datasets[1].header: only for \"format\": \"csv\" (a parquet file names its columns)"),
                problems("{\"name\": \"t\", \"format\": \"parquet\", \"path\": \"p\", \"header\": false}"));
        assertEquals(List.of("datasets[1].header: must be true or false (whether the first line names the columns), got a"
                + " string \"no\""), problems("{\"name\": \"t\", \"format\": \"csv\", \"path\": \"p\", \"header\": \"no\"}"));
        assertEquals(List.of("datasets[1].label: must be the name of the label column, got the number 64 (without a header"
                + " row the columns are named by position: \"_c64\")"),
                problems("{\"name\": \"t\", \"format\": \"csv\", \"path\": \"p\", \"header\": false, \"label\": 64}"));
        assertEquals(List.of("datasets[1].label: missing (without a header row the columns are named by position, _c0, _c1,"
                + " …: name the label's, e.g. \"label\": \"_c64\")"),
                problems("{\"name\": \"t\", \"format\": \"csv\", \"path\": \"p\", \"header\": false}"));
    }

    @Test
    void everyProblemWithItsPath() throws Exception {
        assertEquals(List.of("datasets[1]: unknown dataset \"minst\" (did you mean 'mnist'?); known: gaussian, circles, moons, spiral, xor, blobs,"
                + " digits, mnist"), problems("\"minst\""));
        assertEquals(List.of("datasets[1]: unknown dataset \"data/x.csv\"; known: gaussian, circles, moons, spiral, xor,"
                + " blobs, digits, mnist; files are an object {\"name\": ..., \"format\": \"csv\", \"path\": ...}"),
                problems("\"data/x.csv\""));
        assertEquals(List.of("datasets[1]: must be a dataset name or an object {\"name\": ...}, got the number 3"), problems("3"));
        assertEquals(List.of("datasets[1].path: unknown field; allowed: name; a dataset read from files needs a \"format\":"
                + " idx, csv or parquet"), problems("{\"name\": \"mine\", \"path\": \"x.csv\"}"));
        assertEquals(List.of(
                "datasets[1].name: missing",
                "datasets[1].format: must be one of idx, csv, parquet, got a string \"tsv\""),
                problems("{\"format\": \"tsv\", \"path\": \"x\"}"));
        assertEquals(List.of(
                "datasets[1].name: \"mnist\" is a built-in dataset; give your files another name",
                "datasets[1].labels: missing (a file path is required)",
                "datasets[1].test_labels: missing (test_images and test_labels go together)"),
                problems("{\"name\": \"mnist\", \"format\": \"idx\", \"images\": \"i\", \"test_images\": \"ti\"}"));
        assertEquals(List.of(
                "datasets[1].name: must be 1-64 characters of letters, digits, '.', '_' or '-' and not start with '.', '_'"
                        + " or '-', got a string \"../x\"",
                "datasets[1].images: unknown field; allowed: name, format, path, label, test_path, header",
                "datasets[1].path: missing (a file path is required)",
                "datasets[1].label: must be the name of the label column, got the number 4"),
                problems("{\"name\": \"../x\", \"format\": \"csv\", \"images\": \"i\", \"label\": 4}"));
        assertEquals(List.of("datasets[1].path: must be a file path, got a string \"\""),
                problems("{\"name\": \"t\", \"format\": \"parquet\", \"path\": \"\"}"));
    }
}
