/*
 * dgmlab native BLAS addon: single-precision GEMM through OpenBLAS (Debian's libopenblas) for the tfjs
 * BatchMatMul kernel (see src/core/fastpath.ts), and LAPACK's dgesv (OpenBLAS ships LAPACK) for `core.solve` on large
 * float64 systems. Node-API only (ABI-stable); built by native/build.js with the
 * system C compiler, never downloaded. Row-major: C[b] = op(A[b]) · op(B[b]).
 */
#include <node_api.h>
#include "napi_util.h"
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>

/* From cblas.h (declared here so the build does not depend on where a distribution puts the header). */
enum { CblasRowMajor = 101 };
enum { CblasNoTrans = 111, CblasTrans = 112 };
void cblas_sgemm(int order, int transA, int transB, int M, int N, int K, float alpha, const float *A, int lda,
                 const float *B, int ldb, float beta, float *C, int ldc);
void dgesv_(const int *n, const int *nrhs, double *a, const int *lda, int *ipiv, double *b, const int *ldb, int *info);
void openblas_set_num_threads(int n);
int openblas_get_num_threads(void);
char *openblas_get_config(void);

static int get_f32(napi_env env, napi_value v, float **data, size_t *len) {
  return get_typed(env, v, napi_float32_array, (void **)data, len);
}

/* sgemm(a, b, c, batchA, batchB, M, N, K, transA, transB) */
static napi_value Sgemm(napi_env env, napi_callback_info info) {
  size_t argc = 10;
  napi_value argv[10];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc != 10) return throw_type(env, "sgemm: expected 10 arguments");
  float *A, *B, *C;
  size_t la, lb, lc;
  if (!get_f32(env, argv[0], &A, &la) || !get_f32(env, argv[1], &B, &lb) || !get_f32(env, argv[2], &C, &lc))
    return throw_type(env, "sgemm: a, b, c must be Float32Arrays");
  int32_t bA, bB, M, N, K;
  bool tA, tB;
  napi_get_value_int32(env, argv[3], &bA);
  napi_get_value_int32(env, argv[4], &bB);
  napi_get_value_int32(env, argv[5], &M);
  napi_get_value_int32(env, argv[6], &N);
  napi_get_value_int32(env, argv[7], &K);
  napi_get_value_bool(env, argv[8], &tA);
  napi_get_value_bool(env, argv[9], &tB);
  int32_t batch = bA > bB ? bA : bB;
  if (bA < 1 || bB < 1 || M < 0 || N < 0 || K < 0 || (bA != batch && bA != 1) || (bB != batch && bB != 1))
    return throw_type(env, "sgemm: bad batch or shape");
  if (la < (size_t)bA * M * K || lb < (size_t)bB * K * N || lc < (size_t)batch * M * N)
    return throw_type(env, "sgemm: array too short for the shape");
  size_t sA = (size_t)M * K, sB = (size_t)K * N, sC = (size_t)M * N;
  int lda = tA ? M : K, ldb = tB ? K : N;
  for (int32_t i = 0; i < batch; i++) {
    const float *a = A + (bA == 1 ? 0 : i * sA);
    const float *b = B + (bB == 1 ? 0 : i * sB);
    float *c = C + i * sC;
    if (K == 0) {
      for (size_t j = 0; j < sC; j++) c[j] = 0.0f;
      continue;
    }
    cblas_sgemm(CblasRowMajor, tA ? CblasTrans : CblasNoTrans, tB ? CblasTrans : CblasNoTrans, M, N, K, 1.0f, a,
                lda > 0 ? lda : 1, b, ldb > 0 ? ldb : 1, 0.0f, c, N > 0 ? N : 1);
  }
  return NULL;
}

static int get_f64(napi_env env, napi_value v, double **data, size_t *len) {
  return get_typed(env, v, napi_float64_array, (void **)data, len);
}

/* dgesv(a, b, n) -> info: solves A x = b for row-major A (n*n, overwritten by its LU factors of Aᵀ) and b (n,
 * overwritten by x). LAPACK is column-major, so the row-major array is Aᵀ there: transpose in place first.
 * info > 0: A is singular (U[info-1][info-1] = 0). */
static napi_value Dgesv(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc != 3) return throw_type(env, "dgesv: expected 3 arguments");
  double *A, *B;
  size_t la, lb;
  if (!get_f64(env, argv[0], &A, &la) || !get_f64(env, argv[1], &B, &lb)) return throw_type(env, "dgesv: a, b must be Float64Arrays");
  int32_t n;
  napi_get_value_int32(env, argv[2], &n);
  if (n < 1 || la < (size_t)n * n || lb < (size_t)n) return throw_type(env, "dgesv: bad size");
  for (int32_t i = 0; i < n; i++)
    for (int32_t j = i + 1; j < n; j++) {
      double t = A[(size_t)i * n + j];
      A[(size_t)i * n + j] = A[(size_t)j * n + i];
      A[(size_t)j * n + i] = t;
    }
  int *ipiv = (int *)malloc(sizeof(int) * (size_t)n);
  if (!ipiv) return throw_type(env, "dgesv: out of memory");
  int nn = n, nrhs = 1, res = 0;
  dgesv_(&nn, &nrhs, A, &nn, ipiv, B, &nn, &res);
  free(ipiv);
  napi_value r;
  napi_create_int32(env, res, &r);
  return r;
}

/* One Adam step for one variable, fused (tfjs-core 4.x AdamOptimizer.applyGradients, one wasm kernel per operation
 * there): the same float32 operations in the same order, each rounded to float32 (no FMA contraction), so the
 * results are bitwise those of the separate kernels:
 *   m' = m·b1 + g·c1,  v' = v·b2 + (g·g)·c2,  p' = ((m'/o1) / (sqrt(v'/o2) + eps))·nlr + p
 * with c1 = 1 − β1, c2 = 1 − β2, o1 = 1 − β1^t, o2 = 1 − β2^t, nlr = −learning rate (all float32). */
__attribute__((optimize("fp-contract=off")))
static void adam_f32(size_t n, const float *p, const float *m, const float *v, const float *g, float *op, float *om,
                     float *ov, float b1, float c1, float b2, float c2, float o1, float o2, float eps, float nlr) {
  for (size_t i = 0; i < n; i++) {
    float gi = g[i];
    float a = m[i] * b1;
    float b = gi * c1;
    float mi = a + b;
    float gg = gi * gi;
    float c = v[i] * b2;
    float d = gg * c2;
    float vi = c + d;
    float mh = mi / o1;
    float vh = vi / o2;
    float den = __builtin_sqrtf(vh) + eps;
    float r = (mh / den) * nlr;
    om[i] = mi;
    ov[i] = vi;
    op[i] = r + p[i];
  }
}

/* adam(p, m, v, g, outP, outM, outV, [b1, c1, b2, c2, o1, o2, eps, nlr]) — all Float32Arrays of one length n
 * (the scalars in a Float32Array of 8). */
static napi_value Adam(napi_env env, napi_callback_info info) {
  size_t argc = 8;
  napi_value argv[8];
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc != 8) return throw_type(env, "adam: expected 8 arguments");
  float *a[8];
  size_t len[8];
  for (int i = 0; i < 8; i++)
    if (!get_f32(env, argv[i], &a[i], &len[i])) return throw_type(env, "adam: arguments must be Float32Arrays");
  size_t n = len[0];
  for (int i = 1; i < 7; i++)
    if (len[i] != n) return throw_type(env, "adam: p, m, v, g and the outputs must have one length");
  if (len[7] != 8) return throw_type(env, "adam: the scalars must be a Float32Array of 8");
  const float *s = a[7];
  adam_f32(n, a[0], a[1], a[2], a[3], a[4], a[5], a[6], s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[7]);
  return NULL;
}

static napi_value SetThreads(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  int32_t n = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc == 1) napi_get_value_int32(env, argv[0], &n);
  if (n > 0) openblas_set_num_threads(n);
  napi_value r;
  napi_create_int32(env, openblas_get_num_threads(), &r);
  return r;
}

static napi_value Config(napi_env env, napi_callback_info info) {
  napi_value r;
  napi_create_string_utf8(env, openblas_get_config(), NAPI_AUTO_LENGTH, &r);
  return r;
}

static napi_value Init(napi_env env, napi_value exports) {
  napi_property_descriptor d[] = {
      {"sgemm", NULL, Sgemm, NULL, NULL, NULL, napi_default, NULL},
      {"threads", NULL, SetThreads, NULL, NULL, NULL, napi_default, NULL},
      {"config", NULL, Config, NULL, NULL, NULL, napi_default, NULL},
      {"dgesv", NULL, Dgesv, NULL, NULL, NULL, napi_default, NULL},
      {"adam", NULL, Adam, NULL, NULL, NULL, napi_default, NULL},
  };
  napi_define_properties(env, exports, 5, d);
  return exports;
}

NAPI_MODULE(NODE_GYP_MODULE_NAME, Init)
