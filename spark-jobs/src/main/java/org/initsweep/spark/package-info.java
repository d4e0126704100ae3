/**
 * The Spark side of initsweep: the sweep job that trains a grid on the executors and writes
 * Parquet traces, the result schemas, and session setup for local mode and clusters.
 */
package org.initsweep.spark;
