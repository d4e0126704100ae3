package org.initsweep.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The buffers of one batch size for an {@link Nd4jNetwork}: ND4J arrays per layer, every one kept.
 * The input and labels are written by the caller into Java arrays and copied into ND4J arrays when
 * they changed. A linear network's hidden A[l] is its Z[l] and its dZ[l] its dA[l].
 */
final class Nd4jPass implements Network.Pass {

    private final Nd4jNetwork net;
    private final int batch;
    final INDArray[] z;
    final INDArray[] a;
    final INDArray[] dz;
    final INDArray[] da;
    final INDArray targets;
    private final float[] input;
    private final int[] labels;
    private boolean dirty = true;

    Nd4jPass(Nd4jNetwork net, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("batch must be ≥ 1, got " + batch);
        }
        this.net = net;
        this.batch = batch;
        int layers = net.layers();
        DataType dt = net.dataType();
        z = new INDArray[layers + 1];
        a = new INDArray[layers + 1];
        dz = new INDArray[layers + 1];
        da = new INDArray[layers + 1];
        a[0] = Nd4j.create(dt, batch, net.units(0));
        boolean identity = net.activation().identity();
        for (int l = 1; l <= layers; l++) {
            boolean hidden = l <= net.depth();
            z[l] = Nd4j.create(dt, batch, net.units(l));
            a[l] = hidden && identity ? z[l] : Nd4j.create(dt, batch, net.units(l));
            da[l] = Nd4j.create(dt, batch, net.units(l));
            dz[l] = hidden && identity ? da[l] : Nd4j.create(dt, batch, net.units(l));
        }
        targets = Nd4j.create(dt, batch, net.units(layers));
        input = new float[batch * net.units(0)];
        labels = new int[batch];
    }

    @Override
    public int batch() {
        return batch;
    }

    @Override
    public float[] input() {
        return input;
    }

    @Override
    public int[] labels() {
        return labels;
    }

    @Override
    public void inputChanged() {
        dirty = true;
    }

    /** Copies input and labels into their ND4J arrays if they changed since the last pass. */
    void syncInput() {
        if (!dirty) {
            return;
        }
        INDArray x = Nd4j.create(input, new long[] {batch, net.units(0)}, 'c');
        a[0].assign(x.castTo(a[0].dataType()));
        net.head().targets(labels, targets);
        dirty = false;
    }

    @Override
    public void keepAll(boolean keep) {
        // every buffer is kept on this path
    }

    @Override
    public double[] moments(Network.Buffer which, int l) {
        return FastMoments.of(array(which, l));
    }

    @Override
    public double[] toDoubles(Network.Buffer which, int l) {
        INDArray x = array(which, l);
        return x.dup('c').castTo(DataType.DOUBLE).data().asDouble();
    }

    private INDArray array(Network.Buffer which, int l) {
        if (l < 1 || l > net.layers()) {
            throw new IllegalArgumentException("layer " + l + " not in [1, " + net.layers() + "]");
        }
        return switch (which) {
            case Z -> z[l];
            case A -> a[l];
            case DZ -> dz[l];
            case DA -> da[l];
        };
    }
}
