/** Shared helpers of the GAN tests: central finite differences over a Sayed net and a relative gradient error. */
import type { SayedGrads, SayedNet } from '../../src/gan/listings';

/** Max |a − b| (the two must have the same shapes) over every weight and bias, relative to max(1e-3, max |b|). */
export function maxRelErr(a: SayedGrads, b: SayedGrads): number {
  const xa = [...a.dW.flat(2), ...a.dTheta.flat()];
  const xb = [...b.dW.flat(2), ...b.dTheta.flat()];
  if (xa.length !== xb.length) throw new Error(`maxRelErr: ${xa.length} entries vs ${xb.length}`);
  const scale = Math.max(1e-3, ...xb.map(Math.abs));
  return Math.max(...xa.map((v, i) => Math.abs(v - xb[i]))) / scale;
}

/** Central finite differences (float64) of f over every entry of a net's W and θ. */
export function fdGrads(net: SayedNet, f: () => number, h = 1e-6): SayedGrads {
  const bump = (r: number[], k: number) => {
    const w = r[k];
    r[k] = w + h;
    const a = f();
    r[k] = w - h;
    const b = f();
    r[k] = w;
    return (a - b) / (2 * h);
  };
  return { dW: net.W.map((Wl) => Wl.map((r) => r.map((_, k) => bump(r, k)))), dTheta: net.theta.map((t) => t.map((_, k) => bump(t, k))) };
}
