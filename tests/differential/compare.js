"use strict";
// Compares `clvm run --batch` answers with clvm_rs 0.7.0's (wasm_answers.js) line by line.
//   node compare.js <cases> <wasm_answers> <our_answers>
// Successes must agree on result bytes and cost. Failures must agree on the message, except where
// clvmr changed since 0.7.0 and we follow clvmr 0.19 (the tables below, each with its reason).
// Prints a summary and every other difference; exits 1 if there is one.
const fs = require("fs");
const lines = (f) => fs.readFileSync(f, "utf8").split("\n").filter((l, i, a) => i < a.length - 1 || l);
const [cases, wasm, ours] = process.argv.slice(2).map(lines);

// Messages clvmr reworded after 0.7.0 (0.19's int_atom says "Requires Int Argument: <op>", mod
// became %, ...): wasm message -> ours.
const RENAMED = [
  [/^(.+) requires int args$/, (m) => `Requires Int Argument: ${m[1] === "mod" ? "%" : m[1]}`],
  [/^mod takes exactly 2 arguments$/, () => "% takes exactly 2 arguments"],
  [/^atom is not G1 size, 48 bytes$/, () => "atom is not a G1 size, 48 bytes"],
  [/^atom is not a valid G([12]) point$/, (m) => `atom is not a G${m[1]} point`],
  [/^unknown op requires an atom$/, () => "unknown op on list requires an atom"],
  [/^(g[12]_map) takes exactly 1 or 2 arguments$/, (m) => `${m[1]} takes exactly 1 or 2 arguments, got 0`],
  [/^substr requires an atom$/, () => "substr on list"],
  [/^(lsh|ash|substr) requires int32 args$/, (m) => `${m[1]} requires int32 args (with no leading zeros)`],
  [/^modpow with (negative exponent|0 modulus)$/, (m) => `ModPow with ${m[1]}`],
];
// wasm_answers.js reports any input clvm_rs cannot parse as "bad encoding"; ours adds the reason.
const BAD_ENCODING = /^bad encoding(: .*)?$/;
// Checks clvmr reordered after 0.7.0, where two errors apply at once: [wasm, ours].
const REORDERED = [
  // 0.19's / divmod % check the cost before division by zero.
  [/^(div|divmod|mod) with 0$/, /^cost exceeded$/],
  // 0.19's + and * read an argument before checking the cost it adds, sha256 too; modpow reads
  // all three arguments before its cost.
  [/^cost exceeded$/, /^(Requires Int Argument: [+*]|Requires Int Argument: modpow|sha256 on list)$/],
  // 0.19's concat charges each argument's bytes before reading the next one.
  [/^concat on list$/, /^cost exceeded$/],
];

const counts = { success: 0, failure: 0, renamed: 0, reordered: 0, different: 0 };
const shown = [];
for (let i = 0; i < cases.length; ++i) {
  const w = wasm[i], o = ours[i];
  if (w === undefined || o === undefined) {
    console.error(`answer ${i} missing (${w === undefined ? "wasm" : "ours"})`);
    process.exit(1);
  }
  if (w === o) { ++counts[w.startsWith("FAIL: ") ? "failure" : "success"]; continue; }
  let kind = "different";
  if (w.startsWith("FAIL: ") && o.startsWith("FAIL: ")) {
    const wm = w.slice(6), om = o.slice(6);
    for (const [re, to] of RENAMED) {
      const m = re.exec(wm);
      if (m && to(m) === om) kind = "renamed";
    }
    for (const [rw, ro] of REORDERED) if (rw.test(wm) && ro.test(om)) kind = "reordered";
    if (wm === "bad encoding" && BAD_ENCODING.test(om)) kind = "failure";
  }
  ++counts[kind];
  if (kind === "different" && shown.length < 20) shown.push(`case ${i}: ${cases[i]}\n  clvm_rs 0.7.0: ${w}\n  ours:          ${o}`);
}
console.log(`${cases.length} cases: ${counts.success} successes and ${counts.failure} failures agree; ` +
  `${counts.renamed} failures differ only by clvmr's later wording, ${counts.reordered} by its later ` +
  `check order; ${counts.different} differ`);
for (const s of shown) console.log(s);
process.exit(counts.different === 0 ? 0 : 1);
