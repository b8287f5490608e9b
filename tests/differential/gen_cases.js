"use strict";
// Random programs for the differential run against clvm_rs (tests/differential/README.md).
//   node gen_cases.js <count> <seed> [clvmr]
// With `clvmr` (for the run against native clvmr 0.19, scripts/differential_native.sh) the cases
// also use what clvm_rs 0.7.0 never knew: keccak256 (62), sha256tree (63), secp opcodes 64/65,
// softfork extension 1, and the flags NEW_COST_MODEL, MALACHITE, LIMITS, DISABLE_OP, the keccak /
// sha256tree / secp enables, CANONICAL_INTS, LIMIT_SOFTFORK, ENABLE_GC and LIMIT_HEAP. Without it
// the output is unchanged (the suite's 0.7.0 runs depend on it).
// Prints `clvm run --batch` lines: <program_hex> <env_hex> <max_cost> <flags> (clvmr 0.19 flags).
// Deterministic for a seed. Programs are operator calls nested a few levels deep over values that
// sit on the edges the operators care about (zero, signs, non-canonical numbers, 32/48/96-byte
// strings, curve points, big numbers), environment paths, apply/if, unknown operators and raw
// trees; costs limits are either the consensus one or small enough to run out mid-program.
// Opcodes clvm_rs 0.7.0 does not know (62-65, softfork extension 1) are left out.

const count = Number(process.argv[2] || 1000);
const CLVMR = process.argv[4] === "clvmr";
let state = BigInt(process.argv[3] || 1) * 0x9e3779b97f4a7c15n;
const MASK = (1n << 64n) - 1n;
function rnd(n) {
  state = (state * 6364136223846793005n + 1442695040888963407n) & MASK;
  return Number((state >> 33n) % BigInt(n));
}
const pick = (xs) => xs[rnd(xs.length)];
const bytes = (n, f = () => rnd(256)) => Array.from({ length: n }, f);
const hexBytes = (h) => Array.from(Buffer.from(h, "hex"));

// BLS12-381: the G1 and G2 generators, the G1 identity, and a G1 point with a bad flag bit.
const G1 = hexBytes("97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb");
const G1_ID = [0xc0, ...bytes(47, () => 0)];
const G2 = hexBytes("93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e" +
  "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8");
const SECP_K1_PK = hexBytes("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");

function number(n) {  // minimal two's complement bytes of a BigInt
  if (n === 0n) return [];
  const out = [];
  let v = n;
  while (true) {
    out.unshift(Number(v & 0xffn));
    const rest = v >> 8n;
    if ((rest === 0n && (out[0] & 0x80) === 0) || (rest === -1n && (out[0] & 0x80) !== 0)) break;
    v = rest;
  }
  return out;
}

function value() {
  switch (rnd(16)) {
    case 0: return [];
    case 1: return number(BigInt(rnd(5)) - 2n);
    case 2: return pick([[0x7f], [0x80], [0xff], [0x00], [0x00, 0x80], [0xff, 0x7f], [0x00, 0x00, 0x01]]);
    case 3: return number(BigInt(rnd(1 << 16)) - 32768n);
    case 4: return number(pick([1n << 63n, -(1n << 63n), (1n << 64n) - 1n, 1n << 255n, -(1n << 511n)]) + BigInt(rnd(3)) - 1n);
    case 5: return bytes(32);
    case 6: return pick([G1, G1_ID, bytes(48)]);
    case 7: return pick([G2, bytes(96)]);
    case 8: return bytes(rnd(70));
    case 9: return number(BigInt(rnd(300)) - 20n);  // shift amounts, substr indices
    case 10: return SECP_K1_PK;
    case 11: return Array.from(Buffer.from(pick(["hello", "foobar", "", "a", "\u00ff"]), "utf8"));
    case 12: return number(BigInt(rnd(1 << 30)) * BigInt(rnd(1 << 30)) - (1n << 58n));
    case 13: return bytes(rnd(4) === 0 ? 1100 : 8);
    case 14: return [0x00, ...bytes(rnd(40))];
    default: return number(BigInt(rnd(64)));
  }
}

// Every operator clvm_rs 0.7.0 knows, apply (2) with arbitrary arguments, and the unassigned
// 0, 15, 28 and 31.
const OPS = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26,
  27, 29, 30, 32, 33, 34, 48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 0, 15, 28, 31];
if (CLVMR) OPS.push(62, 62, 63, 63, 64, 65, 35, 66);
const atom = (b) => ({ atom: b });
const cons = (a, b) => ({ pair: [a, b] });
const NIL = atom([]);
function list(xs) { return xs.reduceRight((acc, x) => cons(x, acc), NIL); }

function unknownOp() {
  // An opcode no dialect defines: 1-4 bytes, its cost from the top bits (clvmr's unknown-op rule).
  return pick([[0x40], [0x3f], [0x80], [0xc0], [0xff, 0xff], [0x00, 0x40], [0x7f, 0x00, 0x00, 0x00],
    [0x01, 0x00, 0x00], [0xc0, 0x00, 0x00, 0x01], bytes(1 + rnd(4))]);
}

// Well-typed calls, so that most of them get past argument checks and compute: an expression
// of the given kind (number, bytes, g1, g2), quoted or computed by an operator returning it.
const PRODUCERS = {
  num: [[16, ["num", "num", "num"]], [17, ["num", "num"]], [18, ["num", "num"]], [19, ["num", "num"]],
    [21, ["num", "num"]], [22, ["num", "small"]], [23, ["num", "small"]], [24, ["num", "num"]],
    [25, ["num", "num"]], [26, ["num", "num", "num"]], [27, ["num"]], [13, ["bytes"]], [61, ["num", "num"]],
    [60, ["num", "small", "num"]], [32, ["num"]], [33, ["num", "num"]], [34, ["num", "num"]],
    [9, ["bytes", "bytes"]], [10, ["bytes", "bytes"]]],
  bytes: [[11, ["bytes", "bytes"]], [14, ["bytes", "bytes", "bytes"]], [12, ["bytes", "small", "small"]],
    [48, ["b32", "b32", "num"]]],
  g1: [[29, ["g1", "g1"]], [49, ["g1", "g1"]], [50, ["g1", "num"]], [51, ["g1"]], [30, ["num"]],
    [56, ["bytes"]]],
  g2: [[52, ["g2", "g2"]], [53, ["g2", "g2"]], [54, ["g2", "num"]], [55, ["g2"]], [57, ["bytes"]]],
};
if (CLVMR) PRODUCERS.bytes.push([62, ["bytes", "bytes"]], [62, ["bytes"]], [63, ["bytes"]], [63, ["num"]]);
function quoted(kind) {
  switch (kind) {
    case "num": return atom(rnd(3) === 0 ? value() : number(BigInt(rnd(1 << 20)) - 1000n));
    case "small": return atom(number(BigInt(rnd(12))));
    case "b32": return atom(bytes(32));
    case "g1": return atom(pick([G1, G1, G1_ID]));
    case "g2": return atom(G2);
    default: return atom(rnd(4) === 0 ? value() : bytes(rnd(40)));
  }
}
function typed(kind, depth) {
  const producers = PRODUCERS[kind === "small" || kind === "b32" ? "none" : kind];
  if (depth >= 4 || !producers || rnd(3) === 0) return cons(atom([1]), quoted(kind));
  const [op, kinds] = pick(producers);
  return list([atom([op]), ...kinds.map((k) => typed(k, depth + 1))]);
}

function expr(depth) {
  if (depth === 0 && rnd(2) === 0) return typed(pick(["num", "num", "bytes", "g1", "g2"]), 0);
  const r = rnd(20);
  if (depth >= 4 || r < 4) {
    if (rnd(3) === 0) return atom(number(BigInt(1 + rnd(40))));  // an environment path
    return cons(atom([1]), atom(value()));                     // (q . value)
  }
  if (r === 4) return cons(atom([1]), randomTree(2));
  if (r === 5) return list([atom([2]), cons(atom([1]), expr(depth + 1)), expr(depth + 1)]);  // apply
  if (r === 6) return list([atom([3]), expr(depth + 1), expr(depth + 1), expr(depth + 1)]);  // if
  if (r === 7) return list([atom(unknownOp()), ...Array.from({ length: rnd(3) }, () => expr(depth + 1))]);
  if (r === 8) {  // softfork with extension 0 or 2 (unknown); clvm_rs 0.7.0 predates extension 1
    if (CLVMR) return softforkClvmr(depth);
    return list([atom([36]), cons(atom([1]), atom(number(BigInt(rnd(2000))))),
      cons(atom([1]), atom(pick([[], [], [2]]))), cons(atom([1]), expr(depth + 1)),
      rnd(2) ? cons(atom([1]), randomTree(1)) : atom([1])]);
  }
  if (r === 9) return list([atom(pick([[0x13, 0xd6, 0x1f, 0x00], [0x1c, 0x3a, 0x8f, 0x00]])),
    cons(atom([1]), atom(SECP_K1_PK)), cons(atom([1]), atom(bytes(32))), cons(atom([1]), atom(bytes(64)))]);
  const op = pick(OPS);
  const arity = rnd(10) === 0 ? rnd(6) : [1, 2, 2, 2, 3][rnd(5)];
  const args = Array.from({ length: arity }, () => expr(depth + 1));
  return rnd(25) === 0 ? cons(atom([op]), atom(value())) : list([atom([op]), ...args]);  // or improper
}

// softfork for the clvmr mode: extensions 0, 1 (keccak inside the guard), unknown ones and
// malformed cost/extension atoms (leading zeros, negative, too long); the specified cost is
// sometimes the exact cost of a keccak call (the guard must match it) or of nothing.
function softforkClvmr(depth) {
  const inner = rnd(3) === 0
    ? list([atom([62]), ...Array.from({ length: rnd(3) }, () => cons(atom([1]), atom(bytes(rnd(40)))))])
    : expr(depth + 1);
  const cost = pick([number(BigInt(rnd(2000))), number(BigInt(rnd(5000000))), [0x00, 0x05], [0xff],
    [], number(1n << BigInt(rnd(70))), [0x00, 0x00, 0x10]]);
  const ext = pick([[], [1], [1], [0x00, 0x01], [2], [0xff], number(BigInt(rnd(1 << 20))), [0, 0, 0, 0, 1]]);
  const args = [cons(atom([1]), atom(cost)), cons(atom([1]), atom(ext)), cons(atom([1]), inner),
    rnd(2) ? cons(atom([1]), randomTree(1)) : atom([1])];
  if (rnd(10) === 0) args.length = rnd(4);
  return list([atom([36]), ...args]);
}

function randomTree(depth) {
  if (depth <= 0 || rnd(3) === 0) return atom(value());
  return cons(randomTree(depth - 1), randomTree(depth - 1));
}

function serialize(t, out) {
  // Iterative: generated trees are shallow, but keep to the same habit as the runtime.
  const todo = [t];
  while (todo.length) {
    const n = todo.pop();
    if (n.pair) { out.push(0xff); todo.push(n.pair[1], n.pair[0]); continue; }
    const a = n.atom;
    if (a.length === 0) out.push(0x80);
    else if (a.length === 1 && a[0] <= 0x7f) out.push(a[0]);
    else {
      if (a.length < 0x40) out.push(0x80 | a.length);
      else if (a.length < 0x2000) out.push(0xc0 | (a.length >> 8), a.length & 0xff);
      else throw new Error("atom too long for the generator");
      out.push(...a);
    }
  }
  return out;
}
const hex = (t) => Buffer.from(serialize(t, [])).toString("hex");

// Serialized bytes with a few random edits (the readers must agree on what they accept and on
// where a valid prefix ends), or a prefix-length field of the maximum width.
function mutated(t) {
  const b = serialize(t, []);
  for (let n = 1 + rnd(3); n > 0; --n) {
    const at = rnd(b.length + 1);
    switch (rnd(5)) {
      case 0: b.splice(at, 1); break;
      case 1: b.splice(at, 0, pick([0xff, 0x80, 0xc0, 0xe0, 0xf0, 0xf8, 0xfc, 0xfe, rnd(256)])); break;
      case 2: if (at < b.length) b[at] ^= 1 << rnd(8); break;
      case 3: b.length = Math.max(0, at); break;
      default: b.splice(at, 0, ...pick([[0xc0, 0x00], [0xe0, 0x00, 0x00], [0x81, 0x00], [0xfb, 0xff, 0xff, 0xff, 0xff]]));
    }
  }
  if (b.length === 0) b.push(0xff);  // the line protocol has no empty field
  return Buffer.from(b).toString("hex");
}

// clvmr 0.19's ClvmFlags bits (docs: CANONICAL_INTS 0x1, NO_UNKNOWN_OPS 0x2, LIMIT_HEAP 0x4,
// LIMIT_SOFTFORK 0x10, ENABLE_GC 0x20, LIMITS 0x40, keccak outside the guard 0x100, DISABLE_OP
// 0x200, sha256tree 0x400, secp 0x800, MALACHITE 0x1000, NEW_COST_MODEL 0x2000) in the
// combinations nodes use, and some others.
const NEW_COST_MODEL = 0x2000, MALACHITE = 0x1000, ALL_OPS = 0x100 | 0x400 | 0x800;
const CLVMR_FLAGS = [0, 0, 2, 4, 0x217, 0x40, 0x200, 0x240, 0x1, 0x10, 0x20, 0x100, 0x400, ALL_OPS,
  NEW_COST_MODEL, NEW_COST_MODEL, NEW_COST_MODEL | ALL_OPS, NEW_COST_MODEL | ALL_OPS | 0x217,
  NEW_COST_MODEL | 0x40 | 0x200, MALACHITE, MALACHITE | NEW_COST_MODEL, MALACHITE | ALL_OPS | 0x240,
  NEW_COST_MODEL | 0x20 | 0x4, ALL_OPS | 0x4, 0x2 | ALL_OPS];

for (let i = 0; i < count; i++) {
  const program = rnd(12) === 0 ? randomTree(4) : expr(0);
  const env = randomTree(3 + rnd(3));
  const maxCost = [rnd(20000), rnd(3000000), 11000000000, 11000000000][rnd(4)];
  const flags = CLVMR ? pick(CLVMR_FLAGS) : pick([0, 0, 0, 2, 4]);  // consensus, NO_UNKNOWN_OPS, LIMIT_HEAP
  const p = rnd(10) === 0 ? mutated(program) : hex(program);
  const e = rnd(20) === 0 ? mutated(env) : hex(env);
  console.log(`${p} ${e} ${maxCost} ${flags}`);
}
