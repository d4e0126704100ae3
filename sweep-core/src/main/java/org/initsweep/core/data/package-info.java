/**
 * Seeded, generated training sets: the Gaussian-input teacher task of the article's assumptions and
 * the 2-D toy sets (circles, moons, spiral, xor, blobs), normalized per feature.
 */
package org.initsweep.core.data;
