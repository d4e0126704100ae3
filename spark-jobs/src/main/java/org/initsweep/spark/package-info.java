/**
 * The Spark side of initsweep: the sweep job that trains a grid on the executors and writes
 * Parquet traces (chunks sized by work, runs balanced over tasks by estimated cost, atomic commits,
 * resume), the result schemas, and session setup for local mode and clusters.
 */
package org.initsweep.spark;
