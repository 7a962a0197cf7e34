package org.collapselab.nn.text.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.transformer.IdEmbedding;
import ai.djl.nn.transformer.ScaledDotProductAttentionBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.collapselab.nn.common.Checks;

/**
 * GPT-style decoder-only language model assembled from DJL's library blocks: {@link IdEmbedding} for tokens and
 * positions, {@link ScaledDotProductAttentionBlock} with a causal mask, {@link LayerNorm} (pre-norm, as in GPT-2),
 * {@link Linear} layers with GELU for the MLP, and a linear output head.
 *
 * <p>Input: token ids, shape (B, T) with T ≤ context. Output: logits, shape (B, T, vocab); position t only sees
 * positions ≤ t. No dropout (every run here sees less than one pass over its data).
 *
 * <p>DJL's own {@code TransformerEncoderBlock} is not used: it normalises with BatchNorm, whose batch statistics mix
 * positions and would leak future tokens into a causal model.
 */
public final class GptBlock extends AbstractBlock {
    private static final byte VERSION = 1;
    private static final ConcurrentHashMap<Integer, float[]> CAUSAL = new ConcurrentHashMap<>();

    private final GptConfig config;
    private final int vocab;
    private final IdEmbedding tokenEmbedding;
    private final IdEmbedding positionEmbedding;
    private final List<DecoderLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;
    private final Linear head;

    /** A model of the given shape over {@code vocab} token ids. */
    public GptBlock(GptConfig config, int vocab) {
        super(VERSION);
        this.config = config;
        this.vocab = Checks.intIn("vocab", vocab, 2, 1 << 20);
        tokenEmbedding = addChildBlock(
                "tokens",
                new IdEmbedding.Builder()
                        .setDictionarySize(vocab)
                        .setEmbeddingSize(config.width())
                        .build());
        positionEmbedding = addChildBlock(
                "positions",
                new IdEmbedding.Builder()
                        .setDictionarySize(config.context())
                        .setEmbeddingSize(config.width())
                        .build());
        for (int i = 0; i < config.layers(); i++) {
            layers.add(addChildBlock("layer" + i, new DecoderLayer(config)));
        }
        finalNorm = addChildBlock("finalNorm", LayerNorm.builder().axis(2).build());
        head = addChildBlock("head", Linear.builder().setUnits(vocab).build());
    }

    /** The model's shape. */
    public GptConfig config() {
        return config;
    }

    @Override
    protected NDList forwardInternal(
            ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.head();
        long b = ids.getShape().get(0);
        int t = (int) ids.getShape().get(1);
        if (t > config.context()) {
            throw new IllegalArgumentException("sequence length " + t + " exceeds context " + config.context());
        }
        NDManager m = ids.getManager();
        NDArray tok = tokenEmbedding.forward(ps, new NDList(ids), training).head();
        NDArray pos = positionEmbedding
                .forward(ps, new NDList(m.arange(t).toType(DataType.INT64, false)), training)
                .head();
        NDArray x = tok.add(pos.expandDims(0));
        NDArray mask = m.create(causal(t), new Shape(1, t, t)).broadcast(b, t, t);
        for (DecoderLayer layer : layers) {
            x = layer.forward(ps, new NDList(x, mask), training).head();
        }
        x = finalNorm.forward(ps, new NDList(x), training).head();
        return head.forward(ps, new NDList(x), training);
    }

    /**
     * Incremental (key/value-cached) forward pass used for sampling: appends {@code ids} (shape (R, n)) to the rows
     * held in {@code cache} and returns the logits of the new positions, shape (R, n, vocab). Numerically the same as
     * {@link #forward} on the whole sequence (checked by a test); the cache must not grow past the context length.
     */
    public NDArray extend(ParameterStore ps, KvCache cache, NDArray ids) {
        int n = (int) ids.getShape().get(1);
        int c = cache.length;
        if (c + n > config.context()) {
            throw new IllegalArgumentException(
                    "cache " + c + " + " + n + " tokens exceeds context " + config.context());
        }
        NDManager m = ids.getManager();
        NDArray x = tokenEmbedding.forward(ps, new NDList(ids), false).head();
        NDArray pos = positionEmbedding
                .forward(ps, new NDList(m.arange(c, c + n).toType(DataType.INT64, false)), false)
                .head();
        x = x.add(pos.expandDims(0));
        NDArray offset = null;
        if (n > 1) {
            float[] a = new float[n * (c + n)];
            for (int i = 0; i < n; i++) {
                for (int j = c + i + 1; j < c + n; j++) {
                    a[i * (c + n) + j] = -100000f;
                }
            }
            offset = m.create(a, new Shape(1, 1, n, c + n));
        }
        for (int i = 0; i < layers.size(); i++) {
            x = layers.get(i).extend(ps, cache, i, x, offset);
        }
        cache.length = c + n;
        x = finalNorm.forward(ps, new NDList(x), false).head();
        return head.forward(ps, new NDList(x), false).head();
    }

    /** Keys and values of the positions seen so far, per layer; owned by the manager given at construction. */
    public static final class KvCache implements AutoCloseable {
        private final NDManager manager;
        private final NDArray[] keys;
        private final NDArray[] values;
        private int length;

        /** An empty cache for a model with {@code layers} layers whose arrays live in {@code manager}. */
        public KvCache(NDManager manager, int layers) {
            this.manager = manager;
            this.keys = new NDArray[layers];
            this.values = new NDArray[layers];
        }

        /** Number of cached positions. */
        public int length() {
            return length;
        }

        /** Empties the cache (frees its arrays). */
        public void clear() {
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null) {
                    keys[i].close();
                    values[i].close();
                }
                keys[i] = null;
                values[i] = null;
            }
            length = 0;
        }

        void put(int layer, NDArray k, NDArray v) {
            if (keys[layer] != null) {
                keys[layer].close();
                values[layer].close();
            }
            k.attach(manager);
            v.attach(manager);
            keys[layer] = k;
            values[layer] = v;
        }

        @Override
        public void close() {
            clear();
        }
    }

    private static float[] causal(int t) {
        return CAUSAL.computeIfAbsent(t, n -> {
            float[] a = new float[n * n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j <= i; j++) {
                    a[i * n + j] = 1f;
                }
            }
            return a;
        });
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape in = inputShapes[0];
        return new Shape[] {new Shape(in.get(0), in.get(1), vocab)};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape ids = inputShapes[0];
        long b = ids.get(0);
        long t = ids.get(1);
        Shape hidden = new Shape(b, t, config.width());
        tokenEmbedding.initialize(manager, dataType, ids);
        positionEmbedding.initialize(manager, dataType, new Shape(t));
        for (DecoderLayer layer : layers) {
            layer.initialize(manager, dataType, hidden, new Shape(b, t, t));
        }
        finalNorm.initialize(manager, dataType, hidden);
        head.initialize(manager, dataType, hidden);
    }

    /** One pre-norm transformer block: x + attn(LN(x)), then x + MLP(LN(x)). */
    static final class DecoderLayer extends AbstractBlock {
        private final LayerNorm norm1;
        private final ScaledDotProductAttentionBlock attention;
        private final LayerNorm norm2;
        private final Linear up;
        private final Linear down;
        private final int headCount;

        DecoderLayer(GptConfig c) {
            super(VERSION);
            headCount = c.heads();
            norm1 = addChildBlock("norm1", LayerNorm.builder().axis(2).build());
            attention = addChildBlock(
                    "attention",
                    ScaledDotProductAttentionBlock.builder()
                            .setEmbeddingSize(c.width())
                            .setHeadCount(c.heads())
                            .optAttentionProbsDropoutProb(0f)
                            .build());
            norm2 = addChildBlock("norm2", LayerNorm.builder().axis(2).build());
            up = addChildBlock(
                    "mlpUp", Linear.builder().setUnits(4L * c.width()).build());
            down = addChildBlock("mlpDown", Linear.builder().setUnits(c.width()).build());
        }

        @Override
        protected NDList forwardInternal(
                ParameterStore ps, NDList inputs, boolean training, PairList<String, Object> params) {
            NDArray x = inputs.get(0);
            NDArray mask = inputs.get(1);
            NDArray h = norm1.forward(ps, new NDList(x), training).head();
            x = x.add(attention.forward(ps, new NDList(h, mask), training).head());
            h = norm2.forward(ps, new NDList(x), training).head();
            h = Activation.gelu(up.forward(ps, new NDList(h), training).head());
            x = x.add(down.forward(ps, new NDList(h), training).head());
            return new NDList(x, mask);
        }

        /** Cached counterpart of {@link #forwardInternal}, mirroring ScaledDotProductAttentionBlock's arithmetic. */
        NDArray extend(ParameterStore ps, KvCache cache, int index, NDArray x, NDArray maskOffset) {
            long r = x.getShape().get(0);
            long n = x.getShape().get(1);
            long e = x.getShape().get(2);
            long heads = headCount;
            long hd = e / heads;
            NDArray h = norm1.forward(ps, new NDList(x), false).head();
            NDList flat = new NDList(h.reshape(r * n, e));
            NDArray q = split(
                    attention.getQueryProjection().forward(ps, flat, false).head(), r, n, heads, hd);
            NDArray k =
                    split(attention.getKeyProjection().forward(ps, flat, false).head(), r, n, heads, hd);
            NDArray v = split(
                    attention.getValueProjection().forward(ps, flat, false).head(), r, n, heads, hd);
            if (cache.keys[index] != null) {
                k = cache.keys[index].concat(k, 2);
                v = cache.values[index].concat(v, 2);
            }
            // k may belong to the cache's manager; keep the transposed view in this step's manager so it is freed
            NDArray kt = k.transpose(0, 1, 3, 2);
            kt.attach(x.getManager());
            NDArray scores = q.matMul(kt).mul(1f / (float) Math.sqrt(hd));
            if (maskOffset != null) {
                scores = scores.add(maskOffset);
            }
            NDArray att = scores.softmax(3).matMul(v).transpose(0, 2, 1, 3).reshape(r * n, e);
            NDArray out = attention
                    .getResultProjection()
                    .forward(ps, new NDList(att), false)
                    .head()
                    .reshape(r, n, e);
            cache.put(index, k, v);
            x = x.add(out);
            h = norm2.forward(ps, new NDList(x), false).head();
            h = Activation.gelu(up.forward(ps, new NDList(h), false).head());
            return x.add(down.forward(ps, new NDList(h), false).head());
        }

        private static NDArray split(NDArray projected, long r, long n, long heads, long hd) {
            return projected.reshape(r, n, heads, hd).transpose(0, 2, 1, 3);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputShapes) {
            return inputShapes;
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
            Shape x = inputShapes[0];
            norm1.initialize(manager, dataType, x);
            attention.initialize(manager, dataType, inputShapes);
            norm2.initialize(manager, dataType, x);
            up.initialize(manager, dataType, x);
            down.initialize(manager, dataType, new Shape(x.get(0), x.get(1), 4L * x.get(2)));
        }
    }
}
