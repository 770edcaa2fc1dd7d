import { strict as assert } from 'assert';
import { tf } from '../../src/core/backend';
import * as gan from '../../src/gan';

describe('gan/dcgan — 003 DCGAN guidelines (L748–758)', () => {
  it('the built pair passes all five checklist rules and has the expected shapes', () => {
    const G = gan.buildDcganGenerator();
    const D = gan.buildDcganDiscriminator();
    assert.deepEqual(G.outputs[0].shape, [null, 16, 16, 1]);
    assert.deepEqual(D.outputs[0].shape, [null, 1]);
    const items = gan.dcganChecklist(G, D);
    assert.equal(items.length, 5);
    items.forEach((it) => assert.ok(it.ok, it.rule));
    const out = tf.tidy(() => D.predict(G.predict(tf.randomNormal([3, 1, 1, 8], 0, 1, 'float32', 1)) as tf.Tensor) as tf.Tensor);
    const v = out.dataSync();
    assert.equal(v.length, 3);
    v.forEach((p) => assert.ok(p > 0 && p < 1));
    out.dispose();
  });

  it('parameter counts equal the hand count k²·c_in·c_out (+bias) and 4·c per batch norm (independent arithmetic)', () => {
    // G: 4²·8·16 + 4·16 + 4²·16·8 + 4·8 + (4²·8·1 + 1)
    assert.equal(gan.buildDcganGenerator().countParams(), 16 * 8 * 16 + 64 + 16 * 16 * 8 + 32 + (16 * 8 + 1));
    // D: (4²·1·8 + 8) + 4²·8·16 + 4·16 + (4²·16·1 + 1)
    assert.equal(gan.buildDcganDiscriminator().countParams(), 16 * 8 + 8 + 16 * 8 * 16 + 64 + (16 * 16 + 1));
    assert.deepEqual(gan.buildDcganGenerator({ imgSize: 32 }).outputs[0].shape, [null, 32, 32, 1]);
  });

  it('the checklist flags a pooling layer, a Dense hidden layer and a ReLU in D', () => {
    const D = tf.sequential();
    D.add(tf.layers.conv2d({ inputShape: [16, 16, 1], filters: 4, kernelSize: 3, activation: 'relu' }));
    D.add(tf.layers.maxPooling2d({ poolSize: 2 }));
    D.add(tf.layers.reLU());
    D.add(tf.layers.flatten());
    D.add(tf.layers.dense({ units: 8 }));
    D.add(tf.layers.dense({ units: 1, activation: 'sigmoid' }));
    const items = gan.dcganChecklist(gan.buildDcganGenerator(), D);
    assert.equal(items[0].ok, false);
    assert.equal(items[1].ok, false);
    assert.equal(items[2].ok, false);
    assert.equal(items[4].ok, false);
  });

  it('dcganSamples: n seeded images of imgSize² values in (−1, 1), identical for the same seed', () => {
    const G = gan.buildDcganGenerator();
    const a = gan.dcganSamples(G, 3, 7);
    assert.equal(a.length, 3);
    assert.equal(a[0].length, 256);
    a.flat().forEach((v) => assert.ok(v > -1 && v < 1));
    assert.deepEqual(gan.dcganSamples(G, 3, 7), a);
    assert.throws(() => gan.dcganSamples(G, 0, 1), /n must be an integer in \[1, 1024\]/);
  });

  it('rejects bad input with errors naming the argument and value', () => {
    assert.throws(() => gan.buildDcganGenerator({ imgSize: 12 }), /imgSize must be a power of two \(got 12\)/);
    assert.throws(() => gan.buildDcganGenerator({ imgSize: 4 }), /imgSize must be an integer in \[8, 256\] \(got 4\)/);
    assert.throws(() => gan.buildDcganDiscriminator({ channels: 0 }), /channels must be an integer in \[1, 4\]/);
    assert.throws(() => gan.buildDcganDiscriminator({ leak: -1 }), /leak must be > 0/);
    assert.throws(() => gan.buildDcganGenerator(null as never), /options must be an object/);
    assert.throws(() => gan.dcganChecklist({} as never, gan.buildDcganDiscriminator()), /generator must be a tfjs LayersModel/);
  });
});
