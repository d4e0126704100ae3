package org.initsweep.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Pieces of the report's data island for browser tests that draw hand-made data. */
final class ReportJson {

    private ReportJson() {
    }

    /** The group's per-layer curves at epoch 0 of networks of {@code depth}: the array to add series to. */
    static ArrayNode layerSeries(ObjectNode group, int depth, String png) {
        ObjectNode layers = group.putObject("layers");
        layers.put("depth", depth);
        ObjectNode ep = layers.putArray("epochs").addObject();
        ep.put("epoch", 0);
        ep.put("png", png);
        return ep.putArray("series");
    }

    /** The group's cost curves of networks of {@code depth}, no PNG: the array to add series to. */
    static ArrayNode costSeries(ObjectNode group, int depth) {
        ObjectNode cost = group.putObject("cost");
        cost.put("depth", depth);
        cost.putNull("png");
        return cost.putArray("series");
    }
}
