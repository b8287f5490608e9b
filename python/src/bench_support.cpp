// SPDX-License-Identifier: Apache-2.0
// _native._time_native_run: the work of run_serialized_chia_program done and timed in C++ alone
// (fresh arena, both parses, the run, the arena's release), so bench/python_overhead.py can put
// the binding's crossing cost beside the same work without Python in one process.
#include "arena.hpp"
#include "errors.hpp"
#include "nodes.hpp"

#include <clvm/dialect.hpp>
#include <clvm/run_program.hpp>
#include <clvm/serde.hpp>

#include <pybind11/stl.h>

#include <time.h>

namespace py = pybind11;

namespace clvmpy {

void register_bench_support(py::module_& m) {
  m.def(
      "_time_native_run",
      [](const py::bytes& program, const py::bytes& env, clvm::Cost max_cost, std::uint32_t flags,
         std::size_t reps) {
        const std::span<const std::uint8_t> p{
            reinterpret_cast<const std::uint8_t*>(PyBytes_AS_STRING(program.ptr())),
            static_cast<std::size_t>(PyBytes_GET_SIZE(program.ptr()))};
        const std::span<const std::uint8_t> e{
            reinterpret_cast<const std::uint8_t*>(PyBytes_AS_STRING(env.ptr())),
            static_cast<std::size_t>(PyBytes_GET_SIZE(env.ptr()))};
        // CPU time of the calling thread (the run happens on it): steadier than wall time on a
        // shared machine, and what the Python side measures too (time.thread_time).
        auto now = [] {
          timespec ts{};
          clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
          return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
        };
        std::vector<double> seconds;
        clvm::Cost cost = 0;
        py::gil_scoped_release unlocked;
        for (std::size_t i = 0; i < reps; ++i) {
          const double t0 = now();
          {
            ArenaPtr arena = new_run_arena(flags);
            const clvm::NodePtr pn = clvm::node_from_bytes(*arena, p);
            const clvm::NodePtr en = clvm::node_from_bytes(*arena, e);
            cost = clvm::run_program(*arena, clvm::ChiaDialect(flags), pn, en, max_cost).cost;
          }
          seconds.push_back(now() - t0);
        }
        return std::make_pair(cost, seconds);
      },
      py::arg("program"), py::arg("args"), py::arg("max_cost"), py::arg("flags"), py::arg("reps"),
      "Benchmark support: (cost, [thread CPU seconds per rep]) of run_serialized_chia_program's "
      "work done "
      "in C++ only. Raises RuntimeError if the program fails.");
}

}  // namespace clvmpy
