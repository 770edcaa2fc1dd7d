/* Helpers shared by dgmlab's Node-API addons (dgmlab_blas.c, dgmlab_rng.c). */
#ifndef DGMLAB_NAPI_UTIL_H
#define DGMLAB_NAPI_UTIL_H
#include <node_api.h>
#include <stdbool.h>
#include <stddef.h>

static napi_value throw_type(napi_env env, const char *msg) {
  napi_throw_type_error(env, NULL, msg);
  return NULL;
}

/* The data and length of a typed array of the given element type (0 if v is not one). */
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

#endif
