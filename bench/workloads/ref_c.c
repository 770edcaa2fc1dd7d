/*
 * C references for the scalar-loop workloads (the practical speed limit of a scalar loop), compiled by the harness
 * with gcc -O2. Usage: ref_c WORKLOAD BUDGET_MS → one JSON line {seconds, ops, unit}.
 * RNG: xoshiro256+ uniforms, Marsaglia polar normals (a different generator from dgmlab's MT19937; the work per
 * sample is comparable: one normal per coordinate and one uniform per step).
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static uint64_t s[4] = {0x9E3779B97F4A7C15ull, 0xBF58476D1CE4E5B9ull, 0x94D049BB133111EBull, 0x2545F4914F6CDD1Dull};
static inline uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
static inline double unif(void) {
  uint64_t r = s[0] + s[3], t = s[1] << 17;
  s[2] ^= s[0]; s[3] ^= s[1]; s[1] ^= s[2]; s[0] ^= s[3]; s[2] ^= t; s[3] = rotl(s[3], 45);
  return (r >> 11) * 0x1.0p-53;
}
static int have = 0;
static double spare;
static inline double normal(void) {
  if (have) { have = 0; return spare; }
  double u, v, q;
  do { u = 2 * unif() - 1; v = 2 * unif() - 1; q = u * u + v * v; } while (q >= 1 || q == 0);
  double f = sqrt(-2 * log(q) / q);
  spare = v * f; have = 1;
  return u * f;
}
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }

static double sink = 0;
static void rwm(int d, long n, double step, double *out) {
  double cur[16] = {0}, prop[16], lcur = 0;
  for (long t = 0; t < n; t++) {
    double lp = 0;
    for (int j = 0; j < d; j++) { prop[j] = cur[j] + step * normal(); lp += prop[j] * prop[j]; }
    lp *= -0.5;
    if (lp - lcur >= 0 || log(unif()) < lp - lcur) { memcpy(cur, prop, d * sizeof(double)); lcur = lp; }
    memcpy(out + t * d, cur, d * sizeof(double));
  }
  sink += out[(n - 1) * d];
}
static void gibbs(long n, double rho, double *out) {
  double x = 0, y = 0, sd = sqrt(1 - rho * rho);
  for (long t = 0; t < n; t++) {
    x = rho * y + sd * normal();
    y = rho * x + sd * normal();
    out[2 * t] = x; out[2 * t + 1] = y;
  }
  sink += out[2 * n - 1];
}

int main(int argc, char **argv) {
  if (argc < 3) { fprintf(stderr, "usage: ref_c WORKLOAD BUDGET_MS\n"); return 2; }
  const char *w = argv[1];
  double budget = atof(argv[2]) / 1000;
  long n = 100000;
  int d = 1;
  const char *unit = "step";
  if (!strcmp(w, "rwm10d")) { d = 10; n = 20000; }
  else if (!strcmp(w, "gibbs2d")) { unit = "sweep"; d = 2; }
  else if (strcmp(w, "rwm1d")) { fprintf(stderr, "ref_c: no C reference for %s\n", w); return 2; }
  double *out = malloc(sizeof(double) * n * d);
  long ops = 0;
  for (int warm = 0; warm < 1; warm++) {
    if (!strcmp(w, "gibbs2d")) gibbs(n, 0.9, out); else rwm(d, n, 2.4 / sqrt(d), out);
  }
  double t0 = now(), el;
  do {
    if (!strcmp(w, "gibbs2d")) gibbs(n, 0.9, out); else rwm(d, n, 2.4 / sqrt(d), out);
    ops += n;
    el = now() - t0;
  } while (el < budget);
  printf("{\"seconds\":%.6e,\"ops\":%ld,\"unit\":\"%s\",\"info\":\"%g\"}\n", el / ops, ops, unit, sink);
  free(out);
  return 0;
}
