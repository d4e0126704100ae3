package org.initsweep.core.spec;

/**
 * Optional per-run outputs beyond the layer traces, off by default because they multiply the
 * output size.
 *
 * @param histograms activation histograms of every layer at every recorded epoch
 *                   ({@code histograms/}: 40 fixed bins per layer)
 * @param boundaries the trained network's output probability on a grid over the input plane
 *                   ({@code boundaries/}), for 2-D datasets
 * @param jacobian   the spectrum of the input–output Jacobian at every recorded epoch ({@code jacobian/},
 *                   {@link org.initsweep.core.trace.JacobianStats})
 */
public record Outputs(boolean histograms, boolean boundaries, boolean jacobian) implements java.io.Serializable {

    /** None. */
    public static final Outputs NONE = new Outputs(false, false, false);

    /** Histograms and boundaries only. */
    public Outputs(boolean histograms, boolean boundaries) {
        this(histograms, boundaries, false);
    }
}
