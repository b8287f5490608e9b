"use strict";
// Answers of clvm_rs 0.7.0 (npm clvm_wasm, pinned by bench/peer/package-lock.json) for
// `clvm run --batch` lines on stdin, in that command's output format: "<result_hex> <cost>" or
// "FAIL: <message>" (clvm_rs's EvalErr message). Our flags are clvmr 0.19's: flags 0 is clvm_rs
// 0.7.0's 0xa0 (BLS ops outside the softfork guard, fixed division); bits 0x02 and 0x04 agree.
//   NODE_PATH=<dir with clvm_wasm> node wasm_answers.js [skip] < cases
// A wasm trap (a Rust panic) may leave the instance unusable: it prints "TRAP: <message>" for that
// line and exits with status 3; the caller resumes after it (`skip` lines are passed over).
const readline = require("readline");
const w = require("clvm_wasm");

const skip = Number(process.argv[2] || 0);
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
const out = [];
let n = 0;
const flush = () => { if (out.length) process.stdout.write(out.join("\n") + "\n"); out.length = 0; };
const message = (e) => {
  const s = String(e && e.message !== undefined ? e.message : e);
  const m = /^EvalErr\(NodePtr\(\d+\), "(.*)"\)$/s.exec(s);
  return (m ? m[1] : s).replace(/\n/g, " ");
};
rl.on("line", (line) => {
  if (n++ < skip) return;
  const [p, e, mc, fl] = line.trim().split(/\s+/);
  const program = Buffer.from(p, "hex"), env = Buffer.from(e, "hex");
  try {
    for (const b of [program, env]) w.node_from_bytes(b, 0).free();  // a bad blob would panic
  } catch (err) {
    out.push(`FAIL: bad encoding`);
    return;
  }
  try {
    const [cost, node] = w.run_chia_program(program, env, BigInt(mc), Number(fl) + 0xa0);
    try {
      out.push(`${Buffer.from(node.to_bytes(0xffffffff)).toString("hex")} ${cost}`);
    } finally {
      node.free();
    }
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) {
      out.push(`TRAP: ${message(err)}`);
      flush();
      process.exit(3);
    }
    out.push(`FAIL: ${message(err)}`);
  }
  if (out.length >= 512) flush();
});
rl.on("close", flush);
