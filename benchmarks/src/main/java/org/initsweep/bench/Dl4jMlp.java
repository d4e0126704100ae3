package org.initsweep.bench;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.initsweep.core.data.Dataset;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The same network and training in DL4J's {@link MultiLayerNetwork}, set up as a user would for
 * speed: float32, plain SGD, workspaces on for training and inference, no listeners, full batch.
 */
final class Dl4jMlp {

    private Dl4jMlp() {
    }

    /** Builds, initializes (LeCun normal, like initsweep's scaled_normal at m = 1) and trains one run. */
    static double train(Dataset data, int depth, int width, int epochs, double lr, long seed) {
        NeuralNetConfiguration.ListBuilder b = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Sgd(lr))
                .weightInit(WeightInit.LECUN_NORMAL)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .list();
        int in = data.dim();
        for (int l = 0; l < depth; l++) {
            b.layer(new DenseLayer.Builder().nIn(l == 0 ? in : width).nOut(width)
                    .activation(Activation.TANH).build());
        }
        b.layer(new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(width).nOut(1)
                .activation(Activation.SIGMOID).build());
        MultiLayerConfiguration conf = b.build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        DataSet ds = new DataSet(
                Nd4j.create(data.x(), new long[] {data.samples(), in}, 'c'),
                Nd4j.create(data.y(), new long[] {data.samples(), 1}, 'c'));
        for (int e = 0; e < epochs; e++) {
            net.fit(ds);
        }
        return net.score();
    }
}
