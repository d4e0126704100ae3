package org.initsweep.analysis;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;
import org.initsweep.core.trace.Tables;

/** The report data's conventions for two kinds of field, shared by every section that writes them. */
public final class JsonFields {

    private JsonFields() {
    }

    /**
     * {@code node.field} = {@code "../charts/<name>"} when the analysis drew that PNG, else null.
     *
     * @param pngs file names of the PNG charts written
     */
    public static void putPng(ObjectNode node, String field, String name, Set<String> pngs) {
        if (pngs.contains(name)) {
            node.put(field, "../" + Tables.CHARTS + "/" + name);
        } else {
            node.putNull(field);
        }
    }

    /** Appends a value a chart draws: a finite double as a number, anything else as null (a gap). */
    public static void addOrGap(ArrayNode a, double v) {
        if (Double.isFinite(v)) {
            a.add(v);
        } else {
            a.addNull();
        }
    }
}
