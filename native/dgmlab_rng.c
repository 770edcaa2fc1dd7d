/*
 * dgmlab native generator addon ([PERF-2]): the bulk normal draws of `core.rng` (src/core/rng.ts, src/core/nativeRng.ts)
 * in C — the MT19937 block twist and the ziggurat's common branch — on the generator's own state, in place, so the
 * JavaScript generator and this code produce the same words and the same numbers (integer arithmetic, and for a normal
 * one product and one sign flip: no contraction into fused multiply–adds). The rare branch of the ziggurat (about 1 %
 * of draws: the wedges and the tail, which need exp/log) is left to JavaScript, whose Math.exp/Math.log1p the stream is
 * defined with. Node-API only; no other library; built by native/build.js, never downloaded.
 */
#include <node_api.h>
#include <stdint.h>
#include <stddef.h>

#define MT_N 624
#define MT_M 397
#define MATRIX_A 0x9908b0dfU

static double zig_k[256];
static double zig_w[256];
static int tables_set = 0;

static napi_value throw_type(napi_env env, const char *msg) {
  napi_throw_type_error(env, NULL, msg);
  return NULL;
}

static int get_typed(napi_env env, napi_value v, napi_typedarray_type want, void **data, size_t *len) {
  napi_typedarray_type t;
  size_t n;
  void *p;
  napi_value ab;
  size_t off;
  bool is;
  if (napi_is_typedarray(env, v, &is) != napi_ok || !is) return 0;
  if (napi_get_typedarray_info(env, v, &t, &n, &p, &ab, &off) != napi_ok || t != want) return 0;
  *data = p;
  *len = n;
  return 1;
}

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

/* tables(K, W): the ziggurat's thresholds and scales (Float64Arrays of 256), copied once. */
static napi_value Tables(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  double *k, *w;
  size_t nk, nw;
  if (argc != 2 || !get_typed(env, argv[0], napi_float64_array, (void **)&k, &nk) ||
      !get_typed(env, argv[1], napi_float64_array, (void **)&w, &nw) || nk != 256 || nw != 256)
    return throw_type(env, "tables: expected two Float64Arrays of 256");
  for (int i = 0; i < 256; i++) {
    zig_k[i] = k[i];
    zig_w[i] = w[i];
  }
  tables_set = 1;
  return NULL;
}

/*
 * fillNormal(state, pos, dest, offset, count, mu, sigma) → written·1024 + newPos.
 * state: Int32Array of 1248 words (the MT19937 state, then the 624 tempered words); pos: next unused tempered word.
 * Writes dest[offset + i] = mu + sigma·x for the ziggurat's common branch and stops at the first draw that needs the
 * rare branch (or at an odd last word of a block): the caller draws that one in JavaScript and calls again.
 */
static napi_value FillNormal(napi_env env, napi_callback_info info) {
  size_t argc = 7;
  napi_value argv[7];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  uint32_t *st;
  double *dest;
  size_t nst, nd;
  int32_t pos, offset, count;
  double mu, sigma;
  if (argc != 7 || !tables_set || !get_typed(env, argv[0], napi_int32_array, (void **)&st, &nst) || nst != 2 * MT_N ||
      !get_typed(env, argv[2], napi_float64_array, (void **)&dest, &nd) ||
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
    if (p > MT_N - 2) {
      if (p == MT_N - 1) break; /* a draw across two blocks: JavaScript takes it */
      mt_refill(mt, out);
      p = 0;
    }
    uint32_t hi = out[p];
    uint32_t lo = out[p + 1];
    int layer = (int)(lo & 0xffU);
    double u = (double)(hi & 0x1fffffffU) * 8388608.0 + (double)(lo >> 9);
    if (u >= zig_k[layer]) break;
    p += 2;
    double x = u * zig_w[layer];
    d[i++] = mu + sigma * ((lo & 0x100U) ? -x : x); /* built with -ffp-contract=off: two roundings, as in JavaScript */
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

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor d[] = {
      {"tables", NULL, Tables, NULL, NULL, NULL, napi_default, NULL},
      {"fillNormal", NULL, FillNormal, NULL, NULL, NULL, napi_default, NULL},
      {"refill", NULL, Refill, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, 3, d);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
