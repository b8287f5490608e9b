"use strict";
// Times clvm_rs (clvm_wasm 0.7.0 from npm, pinned by package-lock.json) for the perf report, in a
// fresh process per request so that the WebAssembly memory size is that request's peak.
//
//   node clvm_rs_wasm.js run <program.hex> <env.hex> <max_cost> <flags> <min_reps> <min_ms>
//   node clvm_rs_wasm.js serde <input.bin> <backrefs 0|1> <min_reps> <min_ms> [compress 0|1]
//
// Prints one line per value: `<key> <value>...` (times as lists of integers). `run`: cost, sha256 of the serialized result, per-run wall times of
// run_chia_program (ns) and of parsing its two inputs alone (parse_ns; run_chia_program parses them
// on every call, the report subtracts it), wasm linear memory before/after (bytes). `serde`: times of
// node_from_bytes (parse_ns), LazyNode.to_bytes (to_ns) and to_bytes_with_backref (to_backrefs_ns),
// with the sizes written; to_bytes_with_backref only when asked (11 s on 0.generator in 0.7.0).
const fs = require("fs");
const crypto = require("crypto");
const w = require("clvm_wasm");

const ALLOW_BACKREFS = 0x2000000;
const readHex = (path) => Buffer.from(fs.readFileSync(path, "utf8").trim(), "hex");

// Runs fn at least minReps times and at least minMs in total; returns the per-call times in ns.
function timeIt(fn, minReps, minMs) {
  const times = [];
  const start = process.hrtime.bigint();
  while (times.length < minReps || Number(process.hrtime.bigint() - start) < minMs * 1e6) {
    const t0 = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - t0));
  }
  return times;
}

function run([programPath, envPath, maxCost, flags, minReps, minMs]) {
  const program = readHex(programPath);
  const env = readHex(envPath);
  const f = Number(flags) | ALLOW_BACKREFS;
  const memoryBefore = w.__wasm.memory.buffer.byteLength;
  const [cost, node] = w.run_chia_program(program, env, BigInt(maxCost), f);
  const result = Buffer.from(node.to_bytes(0xffffffff));
  node.free();
  const memoryAfter = w.__wasm.memory.buffer.byteLength;
  const ns = timeIt(() => w.run_chia_program(program, env, BigInt(maxCost), f)[1].free(),
                    Number(minReps), Number(minMs));
  const parseNs = timeIt(() => {
    w.node_from_bytes(program, ALLOW_BACKREFS).free();
    w.node_from_bytes(env, 0).free();
  }, 3, 0);
  return {
    cost: String(cost),
    result_sha256: crypto.createHash("sha256").update(result).digest("hex"),
    ns, parse_ns: parseNs, memory_before: memoryBefore, memory_after: memoryAfter,
  };
}

function serde([inputPath, backrefs, minReps, minMs, compress]) {
  const input = fs.readFileSync(inputPath);
  const flag = backrefs === "1" ? ALLOW_BACKREFS : 0;
  const reps = Number(minReps), ms = Number(minMs);
  const parseNs = timeIt(() => w.node_from_bytes(input, flag).free(), reps, ms);
  const node = w.node_from_bytes(input, flag);
  let classicSize = 0, backrefsSize = 0;
  const toNs = timeIt(() => { classicSize = node.to_bytes(0xffffffff).length; }, reps, ms);
  const toBackrefsNs = compress !== "1" ? [] :
      timeIt(() => { backrefsSize = node.to_bytes_with_backref().length; }, 1, 0);
  node.free();
  return { parse_ns: parseNs, to_ns: toNs, to_backrefs_ns: toBackrefsNs,
           classic_size: classicSize, backrefs_size: backrefsSize };
}

const [mode, ...args] = process.argv.slice(2);
try {
  const out = mode === "run" ? run(args) : mode === "serde" ? serde(args) : null;
  if (out === null) throw new Error(`unknown mode ${mode}`);
  for (const [k, v] of Object.entries(out)) {
    process.stdout.write(`${k} ${Array.isArray(v) ? v.join(" ") : v}\n`);
  }
} catch (e) {
  process.stdout.write(`error ${String(e && e.message ? e.message : e).replace(/\s+/g, " ")}\n`);
  process.exit(1);
}
