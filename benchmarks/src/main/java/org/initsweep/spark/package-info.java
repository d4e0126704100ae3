/**
 * Benchmark-only access to the sweep job's scheduling ({@link org.initsweep.spark.ScheduleProbe}),
 * in the job's package so that it can reach the package-private pieces it measures without making
 * them public in spark-jobs.
 */
package org.initsweep.spark;
