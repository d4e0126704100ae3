/**
 * Hadoop file systems tuned for initsweep's output: {@link org.initsweep.spark.fs.NioLocalFileSystem},
 * the local file system without a {@code chmod} process per file and directory.
 */
package org.initsweep.spark.fs;
