/*
 * dgmlab native generator addon ([PERF-2]): the bulk normal draws of `core.rng` (src/core/rng.ts, src/core/nativeRng.ts)
 * and two loops of the IWAE bound (lgLogWeights, logSumExpParts; src/iwae) in C — the MT19937 block twist and the ziggurat's common branch — on the generator's own state, in place, so the
 * JavaScript generator and this code produce the same words and the same numbers (integer arithmetic, and for a normal
 * one product and one sign flip: no contraction into fused multiply–adds). The ziggurat's wedge test (about 1 % of
 * draws) compares a uniform with exp(−x²/2): the C library's exp and V8's Math.exp (fdlibm) are both within one ulp of
 * the exact value, so the decision is taken here when the two sides differ by more than 1e-13 relative and left to
 * JavaScript otherwise (as is the tail, 0.03 % of draws, whose value uses Math.log1p) — the stream is the JavaScript
 * one, bit for bit. Node-API only; the C library only; built by native/build.js, never downloaded.
 */
#include <node_api.h>
#include "napi_util.h"
#include <math.h>
#include <stdint.h>
#include <stddef.h>

#define MT_N 624
#define MT_M 397
#define MATRIX_A 0x9908b0dfU

static double zig_k[256];
static double zig_w[256];
static double zig_f[256];
static int tables_set = 0;


/* MT19937's next_state over the whole state, then tempering of the 624 new words into out (as Rng.refill). */
static void mt_refill(uint32_t *mt, uint32_t *out) {
  int i;
  uint32_t y;
  for (i = 0; i < MT_N - MT_M; i++) {
    y = (mt[i] & 0x80000000U) | (mt[i + 1] & 0x7fffffffU);
    mt[i] = mt[i + MT_M] ^ (y >> 1) ^ ((0U - (y & 1U)) & MATRIX_A);
  }
  for (; i < MT_N - 1; i++) {
    y = (mt[i] & 0x80000000U) | (mt[i + 1] & 0x7fffffffU);
    mt[i] = mt[i + MT_M - MT_N] ^ (y >> 1) ^ ((0U - (y & 1U)) & MATRIX_A);
  }
  y = (mt[MT_N - 1] & 0x80000000U) | (mt[0] & 0x7fffffffU);
  mt[MT_N - 1] = mt[MT_M - 1] ^ (y >> 1) ^ ((0U - (y & 1U)) & MATRIX_A);
  for (i = 0; i < MT_N; i++) {
    y = mt[i];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= y >> 18;
    out[i] = y;
  }
}

/* tables(K, W, F): the ziggurat's thresholds, scales and f(x_i) (Float64Arrays of 256), copied once. */
static napi_value Tables(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  double *k, *w, *f;
  size_t nk, nw, nf;
  if (argc != 3 || !get_typed(env, argv[0], napi_float64_array, (void **)&k, &nk) ||
      !get_typed(env, argv[1], napi_float64_array, (void **)&w, &nw) ||
      !get_typed(env, argv[2], napi_float64_array, (void **)&f, &nf) || nk != 256 || nw != 256 || nf != 256)
    return throw_type(env, "tables: expected three Float64Arrays of 256");
  for (int i = 0; i < 256; i++) {
    zig_k[i] = k[i];
    zig_w[i] = w[i];
    zig_f[i] = f[i];
  }
  tables_set = 1;
  return NULL;
}

/* The next tempered word (a block twist when the block is used up), as Rng.uint32. */
static inline uint32_t next_word(uint32_t *mt, uint32_t *out, int32_t *p) {
  if (*p >= MT_N) {
    mt_refill(mt, out);
    *p = 0;
  }
  return out[(*p)++];
}

/*
 * fillNormal(state, pos, dest, offset, count, mu, sigma, bail) → written·1024 + newPos.
 * state: Int32Array of 1248 words (the MT19937 state, then the 624 tempered words); pos: next unused tempered word.
 * Writes dest[offset + i] = mu + sigma·x for count draws, exactly as Rng.stdNormal draws them, and stops inside a draw
 * whose decision JavaScript must take — the tail (its value uses Math.log1p), or a wedge test too close to call — with
 * the words read so far consumed and bail = [layer, u, x, U] (U: the wedge's uniform; NaN for the tail): the caller
 * finishes that draw as Rng.stdNormal would (tests/perf/rng-native.test.ts) and calls again.
 */
static napi_value FillNormal(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  uint32_t *st;
  double *dest, *bail;
  size_t nst, nd, nb;
  int32_t pos, offset, count;
  double mu, sigma;
  if (argc != 8 || !tables_set || !get_typed(env, argv[0], napi_int32_array, (void **)&st, &nst) || nst != 2 * MT_N ||
      !get_typed(env, argv[2], napi_float64_array, (void **)&dest, &nd) ||
      !get_typed(env, argv[7], napi_float64_array, (void **)&bail, &nb) || nb < 4 ||
      napi_get_value_int32(env, argv[1], &pos) != napi_ok || napi_get_value_int32(env, argv[3], &offset) != napi_ok ||
      napi_get_value_int32(env, argv[4], &count) != napi_ok || napi_get_value_double(env, argv[5], &mu) != napi_ok ||
      napi_get_value_double(env, argv[6], &sigma) != napi_ok || pos < 0 || pos > MT_N || offset < 0 || count < 0 ||
      (size_t)offset + (size_t)count > nd)
    return throw_type(env, "fillNormal: bad arguments");
  uint32_t *mt = st;
  uint32_t *out = st + MT_N;
  double *d = dest + offset;
  int32_t i = 0;
  int32_t p = pos;
  while (i < count) {
    const uint32_t hi = next_word(mt, out, &p);
    const uint32_t lo = next_word(mt, out, &p);
    const int layer = (int)(lo & 0xffU);
    const double u = (double)(hi & 0x1fffffffU) * 8388608.0 + (double)(lo >> 9);
    /* ±u·w_i without a branch (the sign bit is a coin flip, a branch on it mispredicts half the time): ·(±1) is exact */
    const double x = (u * zig_w[layer]) * (double)(1 - (int)((lo >> 7) & 2U));
    if (u < zig_k[layer]) {
      d[i++] = mu + sigma * x; /* built with -ffp-contract=off: two roundings, as in JavaScript */
      continue;
    }
    double un = NAN;
    if (layer != 0) {
      const uint32_t a = next_word(mt, out, &p) >> 5;
      const uint32_t b = next_word(mt, out, &p) >> 6;
      un = ((double)a * 67108864.0 + (double)b) * (1.0 / 9007199254740992.0);
      const double lhs = (zig_f[layer - 1] - zig_f[layer]) * un + zig_f[layer];
      const double e = exp(-0.5 * x * x);
      if (fabs(lhs - e) > 1e-13 * e) {
        if (lhs < e) d[i++] = mu + sigma * x;
        continue; /* accepted, or rejected: the next pair starts a new draw */
      }
    }
    bail[0] = layer;
    bail[1] = u;
    bail[2] = x;
    bail[3] = un;
    break;
  }
  napi_value r;
  napi_create_double(env, (double)i * 1024.0 + (double)p, &r);
  return r;
}

/* refill(state): one block twist and tempering (state as in fillNormal). */
static napi_value Refill(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  uint32_t *st;
  size_t nst;
  if (argc != 1 || !get_typed(env, argv[0], napi_int32_array, (void **)&st, &nst) || nst != 2 * MT_N)
    return throw_type(env, "refill: expected the Int32Array state of 1248 words");
  mt_refill(st, st + MT_N);
  return NULL;
}

/*
 * lgLogWeights(noise, K, k, d, mu, Lf, W, xb, consts, out): the log-weights log p(x, z_n) − log q(z_n) of the
 * linear-Gaussian IWAE spec (src/iwae/linearGaussian.ts, lgIwaeSpec) for z_n = μ + L ε_n, n < K — the same operations in
 * the same order as its JavaScript (`transform`, `logQAt`, `logJointAt`), so the same bits. consts = [log q constant,
 * log p constant, 1/(2s²)]. k ≤ 64.
 */
static napi_value LgLogWeights(napi_env env, napi_callback_info info) {
  size_t argc = 10;
  napi_value argv[10];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  double *e, *mu, *Lf, *W, *xb, *c, *out;
  size_t ne, nmu, nL, nW, nxb, nc, nout;
  int32_t K, k, d;
  if (argc != 10 || !get_typed(env, argv[0], napi_float64_array, (void **)&e, &ne) ||
      napi_get_value_int32(env, argv[1], &K) != napi_ok || napi_get_value_int32(env, argv[2], &k) != napi_ok ||
      napi_get_value_int32(env, argv[3], &d) != napi_ok ||
      !get_typed(env, argv[4], napi_float64_array, (void **)&mu, &nmu) ||
      !get_typed(env, argv[5], napi_float64_array, (void **)&Lf, &nL) ||
      !get_typed(env, argv[6], napi_float64_array, (void **)&W, &nW) ||
      !get_typed(env, argv[7], napi_float64_array, (void **)&xb, &nxb) ||
      !get_typed(env, argv[8], napi_float64_array, (void **)&c, &nc) ||
      !get_typed(env, argv[9], napi_float64_array, (void **)&out, &nout) || K < 0 || k < 1 || k > 64 || d < 1 ||
      ne < (size_t)K * (size_t)k || nmu != (size_t)k || nL != (size_t)k * k || nW != (size_t)d * k || nxb != (size_t)d ||
      nc != 3 || nout < (size_t)K)
    return throw_type(env, "lgLogWeights: bad arguments");
  double z[64], w[64];
  const double logQConst = c[0], logJointConst = c[1], half1OverS2 = c[2];
  if (k == 1 && d == 1) {
    /* the scalar model (the course's toy setting): the loops below with k = d = 1 written out, the same operations */
    const double mu0 = mu[0], L00 = Lf[0], W00 = W[0], xb0 = xb[0];
    for (int32_t n = 0; n < K; n++) {
      const double z0 = mu0 + L00 * e[n];
      const double res = xb0 - W00 * z0;
      const double r2 = 0 + res * res;
      const double logJoint = logJointConst - r2 * half1OverS2 - 0.5 * (0 + z0 * z0);
      const double w0 = (z0 - mu0) / L00;
      out[n] = logJoint - (logQConst - 0.5 * (0 + w0 * w0));
    }
    return NULL;
  }
  for (int32_t n = 0; n < K; n++) {
    const double *en = e + (size_t)n * k;
    for (int i = 0; i < k; i++) {
      double v = mu[i];
      for (int j = 0; j <= i; j++) v += Lf[i * k + j] * en[j];
      z[i] = v;
    }
    double r2 = 0;
    for (int r = 0; r < d; r++) {
      double res = xb[r];
      for (int j = 0; j < k; j++) res -= W[r * k + j] * z[j];
      r2 += res * res;
    }
    double z2 = 0;
    for (int j = 0; j < k; j++) z2 += z[j] * z[j];
    const double logJoint = logJointConst - r2 * half1OverS2 - 0.5 * z2;
    double q2 = 0;
    for (int i = 0; i < k; i++) {
      double v = z[i] - mu[i];
      for (int j = 0; j < i; j++) v -= Lf[i * k + j] * w[j];
      w[i] = v / Lf[i * k + i];
      q2 += w[i] * w[i];
    }
    out[n] = logJoint - (logQConst - 0.5 * q2);
  }
  return NULL;
}

/*
 * logSumExpParts(x, n, out): out[0] = m = max_j x_j, out[1] = Σ_{j<n} exp(x_j − m) (left to right) with the C library's
 * exp (glibc: within 0.502 ulp; V8's Math.exp, an fdlibm port, is within 1 ulp, so the two sums agree to a few ulps, not
 * bit for bit). out[0] = NaN when some x_j is NaN or +∞ (the caller's checks then report it).
 */
static napi_value LogSumExpParts(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  double *x, *out;
  size_t nx, nout;
  int32_t n;
  if (argc != 3 || !get_typed(env, argv[0], napi_float64_array, (void **)&x, &nx) ||
      napi_get_value_int32(env, argv[1], &n) != napi_ok || !get_typed(env, argv[2], napi_float64_array, (void **)&out, &nout) ||
      n < 0 || (size_t)n > nx || nout < 2)
    return throw_type(env, "logSumExpParts: bad arguments");
  double m = -INFINITY;
  for (int32_t j = 0; j < n; j++) {
    const double v = x[j];
    if (v != v || v == INFINITY) {
      out[0] = NAN;
      out[1] = NAN;
      return NULL;
    }
    if (v > m) m = v;
  }
  double s = 0;
  if (m != -INFINITY)
    for (int32_t j = 0; j < n; j++) s += exp(x[j] - m);
  out[0] = m;
  out[1] = s;
  return NULL;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor d[] = {
      {"tables", NULL, Tables, NULL, NULL, NULL, napi_default, NULL},
      {"fillNormal", NULL, FillNormal, NULL, NULL, NULL, napi_default, NULL},
      {"refill", NULL, Refill, NULL, NULL, NULL, napi_default, NULL},
      {"lgLogWeights", NULL, LgLogWeights, NULL, NULL, NULL, napi_default, NULL},
      {"logSumExpParts", NULL, LogSumExpParts, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, 5, d);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
