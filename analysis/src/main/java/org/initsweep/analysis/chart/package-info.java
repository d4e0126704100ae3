/**
 * Charts of a sweep, pure Java (JFreeChart, no Spark): data records in, PNG files out.
 *
 * <ul>
 *   <li>{@link org.initsweep.analysis.chart.RegimeHeatmapChart}: vanishing / stable / exploding
 *       regime over depth × variance multiplier m = fan_in·Var(W), with m = 1 and the predicted
 *       critical m_c marked; input {@link org.initsweep.analysis.chart.RegionCell}.</li>
 *   <li>{@link org.initsweep.analysis.chart.LayerVarianceChart}: Var(a^[l]) and Var(∂J/∂a^[l])
 *       against layer l on log axes, measured and predicted; input
 *       {@link org.initsweep.analysis.chart.LayerCurve}.</li>
 *   <li>{@link org.initsweep.analysis.chart.LossCurveChart}: cost (mean cross-entropy, binary for
 *       two classes, nats) per epoch, chance level ln K marked.</li>
 *   <li>{@link org.initsweep.analysis.chart.DecisionBoundaryChart}: a trained network's P(class 1)
 *       over the input plane with the training points; input
 *       {@link org.initsweep.analysis.chart.BoundaryGrid}.</li>
 *   <li>{@link org.initsweep.analysis.chart.ActivationHistogramChart}: the distribution of each
 *       layer's activations; input {@link org.initsweep.analysis.chart.LayerHistogram}.</li>
 * </ul>
 *
 * <p>All charts use the Okabe–Ito colour-blind-safe palette, a white background and
 * anti-aliasing, and render off-screen (they work with {@code java.awt.headless=true}). Each
 * {@code write} throws {@link java.lang.IllegalArgumentException} for empty or malformed input and
 * {@link java.io.IOException} when the file cannot be written. The chart classes are stateless
 * and safe to call from several threads. Inside a {@link org.initsweep.analysis.chart.ChartRendering}
 * scope a {@code write} hands its drawing to background threads and returns; the scope's
 * {@code await} writes the PNGs (the same bytes) or throws the first failure.
 */
package org.initsweep.analysis.chart;
