package org.initsweep.analysis;

import org.initsweep.core.UserInputException;
import org.initsweep.core.data.LoadedDataset;

/**
 * A sweep's real datasets (files, tables, MNIST) as the analysis may read them again, by their name in the
 * spec: the decision-boundary charts redraw each run's training points, split, subset and preprocessed as
 * the run's were. Generated datasets need none of this (their points are drawn again from the seed).
 */
@FunctionalInterface
public interface RealDatasets {

    /** No real dataset: their runs' charts are drawn without training points, and say so. */
    RealDatasets NONE = name -> {
        throw new UserInputException("its data were not read for this analysis");
    };

    /**
     * The dataset as read.
     *
     * @param name the dataset's name in the spec
     * @throws UserInputException with the reason it cannot be read (the file gone, malformed, …), which the
     *                            chart says
     */
    LoadedDataset get(String name);
}
