/**
 * Real data on the Spark side: paths opened through Hadoop's FileSystem ({@code file:}, {@code hdfs://},
 * {@code s3a://}, …) and Parquet tables read with Spark, both handed to sweep-core's
 * {@link org.initsweep.core.data.DatasetLoader}.
 */
package org.initsweep.spark.data;
