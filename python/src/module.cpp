// SPDX-License-Identifier: Apache-2.0
// clvmpp._native: the extension module behind the clvmpp package (python/clvmpp/).
#include "errors.hpp"
#include "nodes.hpp"

PYBIND11_MODULE(_native, m) {
  m.doc() = "clvm++ native module: clvm_rs's API (clvmpp.clvm_rs) and clvmpp.Program";
  clvmpy::register_clvm_rs(m);
  clvmpy::register_program(m);
  clvmpy::register_bench_support(m);
  m.attr("CLVMR_MESSAGES") = clvmpy::kHaveClvmrMessages;
}
