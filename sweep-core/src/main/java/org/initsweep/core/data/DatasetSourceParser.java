package org.initsweep.core.data;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/** The parser behind {@link DatasetSource#parse}: one entry, every problem reported. */
final class DatasetSourceParser {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    /** One file format's fields, read into its source (name: the entry's "name" node, valid unless failed). */
    @FunctionalInterface
    private interface FormatParser {
        DatasetSource parse(DatasetSourceParser parser, JsonNode entry, String path, JsonNode name);
    }

    /** The formats a dataset entry can name: a new one is a source record and one line here. */
    private static final Map<String, FormatParser> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put("idx", DatasetSourceParser::idx);
        for (DatasetSource.TableFormat f : DatasetSource.TableFormat.values()) {
            FORMATS.put(f.specName(), (parser, entry, path, name) -> parser.table(entry, path, name, f));
        }
    }
    private static final List<String> IDX_FIELDS = List.of("name", "format", "images", "labels", "test_images", "test_labels");
    private static final List<String> TABLE_FIELDS = List.of("name", "format", "path", "label", "test_path", "header");

    private final BiConsumer<String, String> problems;
    private boolean failed;

    DatasetSourceParser(BiConsumer<String, String> problems) {
        this.problems = problems;
    }

    private void problem(String path, String message) {
        failed = true;
        problems.accept(path, message);
    }

    DatasetSource entry(JsonNode n, String path) {
        if (n == null || n.isMissingNode()) {
            problem(path, "missing");
            return null;
        }
        if (n.isTextual()) {
            return builtin(n.asText(), path);
        }
        if (!n.isObject()) {
            problem(path, "must be a dataset name or an object {\"name\": ...}, got " + kind(n));
            return null;
        }
        JsonNode nameNode = n.get("name");
        JsonNode formatNode = n.get("format");
        if (nameNode == null || !nameNode.isTextual()) {
            problem(path + ".name", nameNode == null ? "missing" : "must be a string, got " + kind(nameNode));
        }
        if (formatNode == null) {
            List<String> formats = List.copyOf(FORMATS.keySet());
            String choices = String.join(", ", formats.subList(0, formats.size() - 1)) + " or " + formats.get(formats.size() - 1);
            if (!onlyFields(n, path, List.of("name"), "; a dataset read from files needs a \"format\": " + choices)
                    || failed) {
                return null;
            }
            return builtin(nameNode.asText(), path + ".name");
        }
        String format = null;
        if (!formatNode.isTextual() || !FORMATS.containsKey(formatNode.asText())) {
            problem(path + ".format", "must be one of " + String.join(", ", FORMATS.keySet()) + ", got " + kind(formatNode));
        } else {
            format = formatNode.asText();
        }
        if (nameNode != null && nameNode.isTextual()) {
            String name = nameNode.asText();
            if (DatasetSource.builtinNames().contains(name)) {
                problem(path + ".name", "\"" + name + "\" is a built-in dataset; give your files another name");
            } else if (!NAME.matcher(name).matches()) {
                problem(path + ".name", "must be 1-64 characters of letters, digits, '.', '_' or '-' and not start with"
                        + " '.', '_' or '-', got " + kind(nameNode));
            }
        }
        if (format == null) {
            return null;
        }
        return FORMATS.get(format).parse(this, n, path, nameNode);
    }

    private DatasetSource idx(JsonNode n, String path, JsonNode nameNode) {
        onlyFields(n, path, IDX_FIELDS, "");
        String images = pathField(n, path, "images", true);
        String labels = pathField(n, path, "labels", true);
        String testImages = pathField(n, path, "test_images", false);
        String testLabels = pathField(n, path, "test_labels", false);
        if (n.has("test_images") != n.has("test_labels")) {
            String absent = n.has("test_images") ? "test_labels" : "test_images";
            problem(path + "." + absent, "missing (test_images and test_labels go together)");
        }
        return failed ? null : new DatasetSource.IdxFiles(nameNode.asText(), images, labels, testImages, testLabels);
    }

    private DatasetSource table(JsonNode n, String path, JsonNode nameNode, DatasetSource.TableFormat tf) {
        onlyFields(n, path, TABLE_FIELDS, "");
        String table = pathField(n, path, "path", true);
        String testPath = pathField(n, path, "test_path", false);
        boolean header = true;
        JsonNode headerNode = n.get("header");
        if (headerNode != null) {
            if (tf != DatasetSource.TableFormat.CSV) {
                problem(path + ".header", "only for \"format\": \"csv\" (a parquet file names its columns)");
            } else if (!headerNode.isBoolean()) {
                problem(path + ".header", "must be true or false (whether the first line names the columns), got "
                        + kind(headerNode));
            } else {
                header = headerNode.asBoolean();
            }
        }
        String label = DatasetSource.TableFile.DEFAULT_LABEL;
        JsonNode labelNode = n.get("label");
        if (labelNode == null && !header) {
            problem(path + ".label", "missing (without a header row the columns are named by position, _c0, _c1, …: name"
                    + " the label's, e.g. \"label\": \"_c64\")");
        }
        if (labelNode != null) {
            if (!labelNode.isTextual() || labelNode.asText().isBlank()) {
                String position = !header && labelNode.canConvertToInt() && labelNode.isIntegralNumber() && labelNode.asInt() >= 0
                        ? " (without a header row the columns are named by position: \""
                                + CsvTableReader.sparkName(labelNode.asInt()) + "\")" : "";
                problem(path + ".label", "must be the name of the label column, got " + kind(labelNode) + position);
            } else {
                label = labelNode.asText();
            }
        }
        return failed ? null : new DatasetSource.TableFile(nameNode.asText(), tf, table, label, testPath, header);
    }

    private DatasetSource builtin(String name, String path) {
        if (name.equals(Digits.NAME)) {
            return new DatasetSource.DigitsData();
        }
        if (name.equals(Mnist.NAME)) {
            return new DatasetSource.MnistData();
        }
        var kind = DatasetKind.fromSpecName(name);
        if (kind.isPresent()) {
            return new DatasetSource.Generated(kind.get());
        }
        String files = name.contains("/") || name.contains(".") ? "; files are an object {\"name\": ..., \"format\":"
                + " \"csv\", \"path\": ...}" : "";
        problem(path, "unknown dataset \"" + name + "\"" + org.initsweep.core.spec.JsonText.didYouMean(name,
                DatasetSource.builtinNames()) + "; known: " + String.join(", ", DatasetSource.builtinNames()) + files);
        return null;
    }

    private String pathField(JsonNode n, String path, String field, boolean required) {
        JsonNode v = n.get(field);
        if (v == null) {
            if (required) {
                problem(path + "." + field, "missing (a file path is required)");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            problem(path + "." + field, "must be a file path, got " + kind(v));
            return null;
        }
        return v.asText();
    }

    private boolean onlyFields(JsonNode obj, String path, List<String> allowed, String hint) {
        boolean ok = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = obj.fields(); it.hasNext(); ) {
            String f = it.next().getKey();
            if (!allowed.contains(f)) {
                problem(path + "." + f, "unknown field; allowed: " + String.join(", ", allowed) + hint);
                ok = false;
            }
        }
        return ok;
    }

    private static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            case STRING -> "a string " + show(n);
            case NUMBER -> "the number " + show(n);
            case BOOLEAN -> "the boolean " + n.asText();
            case NULL -> "null";
            default -> n.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    private static String show(JsonNode n) {
        String s = n.toString();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
