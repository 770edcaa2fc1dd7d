/**
 * The DCGAN architecture guidelines of source 003 (L748–758; Radford, Metz & Chintala 2016) as a small tfjs builder and an
 * automatic checklist: no pooling (strided convolutions in D, fractional-strided = transposed convolutions in G), batch
 * normalisation in both, no fully connected hidden layers, ReLU in G except a tanh output, LeakyReLU in D; D ends in one
 * sigmoid unit ("a CNN classifier with one output", 003 L750; erratum 003-E91: a binary classifier with one sigmoid unit).
 * Image size 16×16 by default (the course's scale), any power of two ≥ 8.
 */
import { tf } from '../core/backend'; // @tensorflow/tfjs (with its console banner silenced)
import { assertInteger, assertPositive, describe } from '../core/validate';

/** Options of the DCGAN builder. */
export interface DcganOptions {
  /** Side of the square images (a power of two, ≥ 8). Default 16. */
  imgSize?: number;
  /** Image channels. Default 1. */
  channels?: number;
  /** Latent dimension. Default 8. */
  zDim?: number;
  /** Feature maps of the widest generator layer / narrowest discriminator layer. Default 8. */
  baseFilters?: number;
  /** LeakyReLU slope in D. Default 0.2. */
  leak?: number;
}

function opts(fn: string, o: DcganOptions): Required<DcganOptions> {
  if (!o || typeof o !== 'object') throw new TypeError(`${fn}: options must be an object (got ${describe(o)})`);
  const imgSize = o.imgSize ?? 16;
  assertInteger(fn, 'imgSize', imgSize, 8, 256);
  if ((imgSize & (imgSize - 1)) !== 0) throw new RangeError(`${fn}: imgSize must be a power of two (got ${imgSize})`);
  const channels = o.channels ?? 1;
  assertInteger(fn, 'channels', channels, 1, 4);
  const zDim = o.zDim ?? 8;
  assertInteger(fn, 'zDim', zDim, 1, 1024);
  const baseFilters = o.baseFilters ?? 8;
  assertInteger(fn, 'baseFilters', baseFilters, 1, 512);
  const leak = o.leak ?? 0.2;
  assertPositive(fn, 'leak', leak);
  return { imgSize, channels, zDim, baseFilters, leak };
}

/**
 * Generator: z (as a 1×1×zDim map) → transposed conv 4×4 (valid) to 4×4 → [transposed conv 4×4, stride 2, BN, ReLU] until
 * imgSize/2 → transposed conv to imgSize with tanh. Filters halve as the resolution doubles.
 */
export function buildDcganGenerator(o: DcganOptions = {}): tf.LayersModel {
  const { imgSize, channels, zDim, baseFilters } = opts('buildDcganGenerator', o);
  const ups = Math.log2(imgSize / 4); // number of stride-2 layers after the 4×4 projection
  const model = tf.sequential({ name: 'dcgan_generator' });
  let filters = baseFilters * 2 ** (ups - 1);
  model.add(tf.layers.conv2dTranspose({ inputShape: [1, 1, zDim], filters, kernelSize: 4, strides: 1, padding: 'valid', useBias: false }));
  model.add(tf.layers.batchNormalization());
  model.add(tf.layers.reLU());
  for (let i = 1; i < ups; i++) {
    filters = Math.max(1, filters / 2);
    model.add(tf.layers.conv2dTranspose({ filters, kernelSize: 4, strides: 2, padding: 'same', useBias: false }));
    model.add(tf.layers.batchNormalization());
    model.add(tf.layers.reLU());
  }
  model.add(tf.layers.conv2dTranspose({ filters: channels, kernelSize: 4, strides: 2, padding: 'same', activation: 'tanh' }));
  return model;
}

/**
 * Discriminator: [conv 4×4 stride 2, (BN), LeakyReLU] down to 4×4, then a 4×4 valid convolution to one unit with sigmoid.
 * The first layer has no batch norm (as in Radford et al. 2016); filters double as the resolution halves.
 */
export function buildDcganDiscriminator(o: DcganOptions = {}): tf.LayersModel {
  const { imgSize, channels, baseFilters, leak } = opts('buildDcganDiscriminator', o);
  const downs = Math.log2(imgSize / 4);
  const model = tf.sequential({ name: 'dcgan_discriminator' });
  let filters = baseFilters;
  for (let i = 0; i < downs; i++) {
    const cfg = { filters, kernelSize: 4, strides: 2, padding: 'same' as const, useBias: i === 0 };
    model.add(i === 0 ? tf.layers.conv2d({ ...cfg, inputShape: [imgSize, imgSize, channels] }) : tf.layers.conv2d(cfg));
    if (i > 0) model.add(tf.layers.batchNormalization());
    model.add(tf.layers.leakyReLU({ alpha: leak }));
    filters *= 2;
  }
  model.add(tf.layers.conv2d({ filters: 1, kernelSize: 4, strides: 1, padding: 'valid', activation: 'sigmoid' }));
  model.add(tf.layers.flatten());
  return model;
}

/** One line of the DCGAN checklist. */
export interface ChecklistItem {
  rule: string;
  ok: boolean;
  detail: string;
}

function layerInfo(model: tf.LayersModel): { cls: string; activation?: string }[] {
  return model.layers.map((l) => {
    const cfg = l.getConfig() as { activation?: string };
    return { cls: l.getClassName(), activation: cfg.activation };
  });
}

/** Check the five guidelines of 003 (L752–758) on a generator and a discriminator. */
export function dcganChecklist(generator: tf.LayersModel, discriminator: tf.LayersModel): ChecklistItem[] {
  if (!generator || typeof (generator as tf.LayersModel).getLayer !== 'function') throw new TypeError(`dcganChecklist: generator must be a tfjs LayersModel (got ${describe(generator)})`);
  if (!discriminator || typeof (discriminator as tf.LayersModel).getLayer !== 'function') throw new TypeError(`dcganChecklist: discriminator must be a tfjs LayersModel (got ${describe(discriminator)})`);
  const G = layerInfo(generator);
  const D = layerInfo(discriminator);
  const all = [...G, ...D];
  const pooling = all.filter((l) => /Pooling/.test(l.cls));
  const dense = all.filter((l) => l.cls === 'Dense');
  const gAct = G.filter((l) => /^(Conv2DTranspose|Conv2D)$/.test(l.cls));
  const lastG = gAct[gAct.length - 1];
  const gHiddenNonRelu = G.filter((l) => /ReLU|LeakyReLU|Activation/.test(l.cls) && l.cls !== 'ReLU');
  const dHasLeaky = D.some((l) => l.cls === 'LeakyReLU');
  const dRelu = D.filter((l) => l.cls === 'ReLU');
  const out = discriminator.outputs[0].shape;
  return [
    { rule: 'no pooling layers (strided convolutions in D, transposed convolutions in G)', ok: pooling.length === 0 && G.some((l) => l.cls === 'Conv2DTranspose') && D.some((l) => l.cls === 'Conv2D'), detail: `${pooling.length} pooling layer(s)` },
    { rule: 'batch normalisation in both networks', ok: G.some((l) => l.cls === 'BatchNormalization') && D.some((l) => l.cls === 'BatchNormalization'), detail: `G: ${G.filter((l) => l.cls === 'BatchNormalization').length}, D: ${D.filter((l) => l.cls === 'BatchNormalization').length}` },
    { rule: 'no fully connected hidden layers', ok: dense.length === 0, detail: `${dense.length} Dense layer(s)` },
    { rule: 'ReLU in G except a tanh output', ok: lastG?.activation === 'tanh' && gHiddenNonRelu.length === 0 && G.some((l) => l.cls === 'ReLU'), detail: `G output activation: ${lastG?.activation}` },
    { rule: 'LeakyReLU in D (no plain ReLU) and one sigmoid output', ok: dHasLeaky && dRelu.length === 0 && out[out.length - 1] === 1, detail: `D output shape ${JSON.stringify(out)}` },
  ];
}

/** n images from a DCGAN generator for seeded latents z ~ N(0, I) (each image flattened row-major; values in (−1, 1)). */
export function dcganSamples(generator: tf.LayersModel, n: number, seed: number): number[][] {
  if (!generator || typeof (generator as tf.LayersModel).predict !== 'function') throw new TypeError(`dcganSamples: generator must be a tfjs LayersModel (got ${describe(generator)})`);
  assertInteger('dcganSamples', 'n', n, 1, 1024);
  assertInteger('dcganSamples', 'seed', seed, 0);
  const inShape = generator.inputs[0].shape;
  const zDim = inShape[inShape.length - 1] as number;
  return tf.tidy(() => {
    const z = tf.randomNormal([n, 1, 1, zDim], 0, 1, 'float32', seed);
    const out = generator.predict(z) as tf.Tensor;
    const per = out.size / n;
    const data = Array.from(out.dataSync());
    return Array.from({ length: n }, (_, i) => data.slice(i * per, (i + 1) * per));
  });
}
