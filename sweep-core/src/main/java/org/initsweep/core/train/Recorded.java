package org.initsweep.core.train;

import java.util.ArrayList;
import java.util.List;
import org.initsweep.core.nn.Network;
import org.initsweep.core.spec.Outputs;
import org.initsweep.core.trace.ActivationHistogram;
import org.initsweep.core.trace.JacobianMeter;
import org.initsweep.core.trace.JacobianStats;
import org.initsweep.core.trace.LayerTrace;
import org.initsweep.core.trace.TraceRecorder;

/**
 * What a run records at its record epochs — layer traces, and where {@link Outputs} asks, activation
 * histograms and Jacobian statistics — in one place for {@link Trainer} and {@link LaneTrainer}.
 */
final class Recorded {
    final List<LayerTrace> traces = new ArrayList<>();
    final List<ActivationHistogram> histograms = new ArrayList<>();
    final List<JacobianStats> jacobian = new ArrayList<>();

    /**
     * Records epoch {@code epoch} from {@code net} after a forward and backward pass over {@code pass}
     * (which kept every buffer); {@code jacobian} false for a diverged network, whose Jacobian is not measured.
     */
    void record(int epoch, Network net, Network.Pass pass, int[] labels, Outputs outputs, boolean jacobian) {
        TraceRecorder.record(epoch, net, pass, labels, traces);
        if (outputs.histograms()) {
            TraceRecorder.histograms(epoch, net, pass, histograms);
        }
        if (jacobian && outputs.jacobian()) {
            this.jacobian.add(JacobianMeter.measure(epoch, net, pass));
        }
    }
}
