package org.initsweep.core.spec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One axis of a sweep's grid, declared once ({@link Axes}) and used everywhere a run's coordinate is
 * read, written or keyed: the spec reader (JSON field, value parser with its validation), the spec
 * writer, the run's canonical key (and so its id), and the result tables' columns (the Parquet
 * schemas of {@code runs/} and {@code layers/}, and the analysis' cell keys).
 *
 * @param <T> the value type of one entry
 */
public final class Axis<T> {

    /** Parses one entry; reports problems and returns null when it is invalid. */
    @FunctionalInterface
    public interface Reader<T> {
        /**
         * @param path     JSON path of the entry, e.g. {@code inits[2]}
         * @param node     the entry
         * @param problems receives what is wrong with it
         * @return the value, or null after reporting a problem
         */
        T read(String path, JsonNode node, Problems problems);
    }

    private final String field;
    private final String doc;
    private final List<Column> columns;
    private final List<T> defaults;
    private final Reader<T> reader;
    private final Function<T, JsonNode> writer;
    private final Function<T, Object[]> values;
    private final Function<T, String> keyText;
    private final Function<RunSpec, T> get;

    /**
     * @param field    the spec's JSON field, e.g. {@code depths}
     * @param doc      one line for docs and {@code --help}
     * @param columns  the result-table columns it fills, in order
     * @param defaults the values when the spec leaves the field out, or null if it is required
     * @param reader   parses and validates one entry
     * @param writer   one entry back to JSON (what {@link SpecWriter} writes; read back to an equal value)
     * @param values   one entry's column values, in {@link #columns()} order (null where a column is null)
     * @param keyText  one entry as it appears in a run's canonical key (stable: run ids depend on it)
     * @param get      the entry of a run
     */
    public Axis(String field, String doc, List<Column> columns, List<T> defaults, Reader<T> reader,
            Function<T, JsonNode> writer, Function<T, Object[]> values, Function<T, String> keyText,
            Function<RunSpec, T> get) {
        this.field = Objects.requireNonNull(field);
        this.doc = doc;
        this.columns = List.copyOf(columns);
        this.defaults = defaults == null ? null : List.copyOf(defaults);
        this.reader = reader;
        this.writer = writer;
        this.values = values;
        this.keyText = keyText;
        this.get = get;
    }

    /** The spec's JSON field. */
    public String field() {
        return field;
    }

    /** One line saying what the axis is. */
    public String doc() {
        return doc;
    }

    /** Its result-table columns. */
    public List<Column> columns() {
        return columns;
    }

    /** The name of its (first) column, e.g. {@code depth}: also its key in {@link SweepSpec#axes()}. */
    public String name() {
        return columns.get(0).name();
    }

    /** Values when the spec leaves it out, or null if it is required. */
    public List<T> defaults() {
        return defaults;
    }

    /** Parses one entry. */
    public T read(String path, JsonNode node, Problems problems) {
        return reader.read(path, node, problems);
    }

    /** One entry as JSON. */
    public JsonNode write(T value) {
        return writer.apply(value);
    }

    /** One entry's column values. */
    public Object[] columnValues(T value) {
        return values.apply(value);
    }

    /** One entry as it appears in the canonical key. */
    public String keyText(T value) {
        return keyText.apply(value);
    }

    /** The entry of a run. */
    public T of(RunSpec run) {
        return get.apply(run);
    }

    /** The column values of a run's entry. */
    public Object[] columnValues(RunSpec run) {
        return values.apply(get.apply(run));
    }

    @Override
    public String toString() {
        return field;
    }
}
