/**
 * Which networks of a sweep learn, how fast, and whether mean-field theory says when: the
 * {@code trainability/} table (per grid cell: train and test accuracy over seeds, epochs to a target
 * accuracy, the loss after the first epoch, beside χ₁, ξ_q, ξ_c and the bound 6·ξ_c of Schoenholz
 * et al. 2017, "Deep Information Propagation", ICLR), the {@code trainability_bound/} table (per
 * σ_w²: the deepest depth that trained beside 6·ξ_c) and their charts. "Trained" compares the mean
 * accuracy on the spec's {@code target_split} (test by default, or train) with the target.
 *
 * <p>The cell statistics ({@link org.initsweep.analysis.trainability.CellStatistics}), the theory
 * columns ({@link org.initsweep.analysis.trainability.TheoryColumns}) and the deepest-trained table
 * ({@link org.initsweep.analysis.trainability.DeepestTrained}) are pure functions;
 * {@link org.initsweep.analysis.trainability.TrainabilityAnalysis} reads the sweep with Spark SQL and
 * writes the tables.
 */
package org.initsweep.analysis.trainability;
