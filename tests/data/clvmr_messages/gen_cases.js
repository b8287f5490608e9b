"use strict";
// The cases of the recorded clvmr message table (README.md): one or more `clvm run --batch` lines
// per error clvmr 0.19 can report from run_program and its operators, each preceded by a `# label`
// comment line. `node gen_cases.js > cases.txt`; record.sh turns them into table.txt.
// Programs are built from a small s-expression helper: numbers become minimal two's complement
// atoms, Buffers raw atoms, arrays proper lists; `pair(a, b)` an improper pair.

const pair = (a, b) => ({ pair: [a, b] });
const raw = (hex) => Buffer.from(hex, "hex");
const q = (x) => pair(1, x);  // (q . x)
const call = (op, ...args) => [op, ...args];
const qcall = (op, ...args) => [op, ...args.map(q)];  // every argument quoted

function number(n) {
  n = BigInt(n);
  if (n === 0n) return Buffer.alloc(0);
  const out = [];
  let v = n;
  for (;;) {
    out.unshift(Number(v & 0xffn));
    const rest = v >> 8n;
    if ((rest === 0n && (out[0] & 0x80) === 0) || (rest === -1n && (out[0] & 0x80) !== 0)) break;
    v = rest;
  }
  return Buffer.from(out);
}

function ser(t, out) {
  if (Array.isArray(t)) {
    for (const x of t) { out.push(0xff); ser(x, out); }
    out.push(0x80);
    return out;
  }
  if (t && t.pair) { out.push(0xff); ser(t.pair[0], out); ser(t.pair[1], out); return out; }
  const a = Buffer.isBuffer(t) ? t : typeof t === "string" ? Buffer.from(t, "utf8") : number(t);
  if (a.length === 1 && a[0] <= 0x7f) out.push(a[0]);
  else if (a.length < 0x40) out.push(0x80 | a.length, ...a);
  else if (a.length < 0x2000) out.push(0xc0 | (a.length >> 8), a.length & 0xff, ...a);
  else if (a.length < 0x100000) out.push(0xe0 | (a.length >> 16), (a.length >> 8) & 0xff, a.length & 0xff, ...a);
  else throw new Error("atom too long");
  return out;
}
const hex = (t) => Buffer.from(ser(t, [])).toString("hex");

const lines = [];
// case(label, program, env = nil, max_cost = 11e9, flags = 0); `program` may be a hex string.
function add(label, program, env = [], maxCost = 11000000000, flags = 0) {
  const p = typeof program === "string" && /^[0-9a-f]+$/.test(program) ? program : hex(program);
  const e = typeof env === "string" && /^[0-9a-f]+$/.test(env) ? env : hex(env);
  lines.push(`# ${label}`, `${p} ${e} ${maxCost} ${flags}`);
}

const NO_UNKNOWN_OPS = 0x2, LIMIT_HEAP = 0x4, CANONICAL_INTS = 0x1, LIMIT_SOFTFORK = 0x10;
const LIMITS = 0x40, KECCAK = 0x100, DISABLE_OP = 0x200, SHA256TREE = 0x400, SECP = 0x800;
const MALACHITE = 0x1000, NEW_COST_MODEL = 0x2000, RELAXED_BLS = 0x8;
const LIST = [1, 2];  // a pair where an atom is wanted
const G1 = raw("97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb");
const G2 = raw("93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e" +
  "024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8");
const NOT_G1 = Buffer.alloc(48, 0x11);
const NOT_G2 = Buffer.alloc(96, 0x11);
const K1_PK = raw("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
const R1_PK = raw("036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296");

// --- the evaluator and serialization
add("success: (+ (q . 1) (q . 2))", qcall(16, 1, 2));
add("bad encoding: truncated program", "ff01");
add("bad encoding: truncated atom", "8401", "80");
add("bad encoding: fe in classic input", "fe01");
add("path into atom", 2, 5);
add("path into atom (long path)", raw("0100000002"), [1, 2]);
add("Invalid Nil Terminator in operand list", pair(16, 5));
add("inner list takes exactly 1 argument(s)", [[1, 2], 3]);
add("((X)...) X must be lone atom", [[[1]], 3]);
add("cost exceeded or below zero: quote over budget", q(1), [], 19);
add("cost exceeded or below zero: operator over budget", qcall(11, "hello"), [], 300);
add("clvm raise", call(8, q("oops")));
add("clvm raise (list)", qcall(8, 1, 2));
add("unimplemented operator (NO_UNKNOWN_OPS)", qcall(raw("c8"), 1), [], 11000000000, NO_UNKNOWN_OPS);
add("unimplemented operator: keccak256 outside the guard", qcall(62, "x"), [], 11000000000, NO_UNKNOWN_OPS);
add("unimplemented operator: modpow under DISABLE_OP", qcall(60, 2, 3, 5), [], 11000000000, DISABLE_OP);
add("Reserved operator", qcall(raw("ffff00"), 1));
add("Reserved operator (empty opcode)", call(raw(""), q(1)));
add("invalid operator: multiplier over 4 bytes", qcall(raw("010203040500"), 1));
add("invalid operator: cost over u32", qcall(raw("00ffffffc0"), "a"));
add("unknown op requires an atom (add-like)", qcall(raw("7f40"), LIST));
add("unknown op requires an atom (mul-like)", qcall(raw("7f80"), 1, LIST));
add("unknown op requires an atom (concat-like)", qcall(raw("7fc0"), LIST));
add("apply takes exactly 2 argument(s)", qcall(2, 1));
const sf = (cost, ext, prog, env = []) => call(36, q(cost), q(ext), q(prog), q(env));
add("unknown softfork extension", sf(10, 7, 0), [], 11000000000, NO_UNKNOWN_OPS);
add("softfork specified cost mismatch", sf(1000, 0, qcall(16, 1, 2)));
add("softfork: cost over budget", sf(5000, 0, 0), [], 3000);
add("softfork: zero cost", sf(0, 0, 0));
add("softfork requires u64 arg (with no leading zeros)", sf(raw("010000000000000000"), 0, 0));
add("softfork requires positive int arg", sf(-5, 0, 0));
add("softfork requires u64 arg with no leading zeros (CANONICAL_INTS)", sf(raw("0005"), 0, 0), [], 11000000000, CANONICAL_INTS);
add("Requires Int Argument: softfork (cost a pair)", call(36, q(LIST), q(0), q(0), q(0)));
add("first of non-cons: softfork without arguments", [36]);
add("softfork takes exactly 4 argument(s)", call(36, q(10), q(0)), [], 11000000000, NO_UNKNOWN_OPS);
add("softfork requires u32 arg (with no leading zeros)", sf(10, raw("0100000000"), 0), [], 11000000000, NO_UNKNOWN_OPS);
add("Requires Int Argument: softfork (extension a pair)", sf(10, LIST, 0), [], 11000000000, NO_UNKNOWN_OPS);
// n softforks nested (each guard's program is the next softfork); the innermost runs (q . 0).
function nest(n) {
  let p = q(0);
  for (let i = 0; i < n; i++) p = call(36, q(100000 * (i + 1)), q(0), q(p), q([]));
  return p;
}
add("softfork stack depth exceeded (LIMIT_SOFTFORK)", nest(21), [], 11000000000, LIMIT_SOFTFORK);
add("softfork depth 21 without LIMIT_SOFTFORK (cost mismatch)", nest(21), [], 11000000000, 0);
add("softfork extension 1: keccak256 inside the guard", sf(697, 1, qcall(62, "abc")));
add("softfork extension 1: keccak256 inside the guard, cost mismatch", sf(2000, 1, qcall(62, "abc")));

// --- core operators
for (const [op, name, n] of [[3, "i", 3], [4, "c", 2], [5, "f", 1], [6, "r", 1], [7, "l", 1], [9, "=", 2],
  [10, ">s", 2], [13, "strlen", 1], [32, "not", 1], [2, "apply", 2]]) {
  add(`${name} takes exactly ${n} argument(s)`, qcall(op, ...Array(n + 1).fill(1)));
  add(`${name} takes exactly ${n} argument(s) (none)`, [op]);
}
add("first of non-cons", qcall(5, 1));
add("rest of non-cons", qcall(6, 1));
add("= used on list", qcall(9, 1, LIST));
add(">s used on list", qcall(10, LIST, 1));
add("strlen requires an atom", qcall(13, LIST));
add("sha256 used on list", qcall(11, "a", LIST));
add("sha256 used on list before the cost", qcall(11, LIST), [], 200);
add("concat on list", qcall(14, "a", LIST));
add("concat: cost charged argument by argument (issue case)",
  "ff0effff01c3e8" + "11".repeat(1000) + "ffff01ff010280", "80", 5000, 0);
add("substr takes no more than 3 arguments", qcall(12, "abc", 0, 1, 2));
add("Substring takes exactly 2 or 3 arguments, got 1", qcall(12, "abc"));
add("substr requires an atom", qcall(12, LIST, 0));
add("substr requires int32 args (with no leading zeros)", qcall(12, "abc", raw("0000000001")));
add("substr requires int32 args (pair)", qcall(12, "abc", 0, LIST));
add("Invalid Indices for Substring", qcall(12, "abc", 2, 1));
add("Invalid Indices for Substring (past the end)", qcall(12, "abc", 0, 4));

// --- arithmetic and bitwise
for (const [op, name] of [[16, "+"], [17, "-"], [18, "*"], [24, "logand"], [25, "logior"], [26, "logxor"]]) {
  add(`Requires Int Argument: ${name}`, qcall(op, 1, LIST));
  add(`Requires Int Argument: ${name} (NEW_COST_MODEL)`, qcall(op, LIST), [], 11000000000, NEW_COST_MODEL);
}
add("Requires Int Argument: - (per-argument cost checked first)", qcall(17, 5, LIST), [], 600);
add("Requires Int Argument: - (per-argument cost checked first, NEW_COST_MODEL)", qcall(17, 5, LIST), [], 900, NEW_COST_MODEL);
add("Requires Int Argument: + (read before the cost)", qcall(16, 5, LIST), [], 600);
add("Requires Int Argument: * (issue case)", "ff12ffff01ff0102ffff010580", "80", 100, 0);
add("Requires Int Argument: * (second argument, before its cost)", qcall(18, 5, LIST), [], 200);
add("* (LIMITS: operand over 256 bytes)", qcall(18, Buffer.alloc(257, 1), 2), [], 11000000000, LIMITS);
add("* (LIMITS: product over 1024 limbs)", qcall(18, Buffer.alloc(256, 0x7f), Buffer.alloc(256, 0x7f),
  Buffer.alloc(256, 0x7f), Buffer.alloc(256, 0x7f), Buffer.alloc(256, 0x7f)), [], 11000000000, LIMITS);
for (const [op, name] of [[19, "/"], [20, "divmod"], [61, "mod"]]) {
  const short = name === "/" ? "div" : name;
  for (const flags of [0, MALACHITE, NEW_COST_MODEL]) {
    add(`${name} takes exactly 2 argument(s) flags ${flags}`, qcall(op, 1), [], 11000000000, flags);
    add(`Requires Int Argument: ${name} flags ${flags}`, qcall(op, LIST, 1), [], 11000000000, flags);
    add(`Requires Int Argument: ${name} (second) flags ${flags}`, qcall(op, 1, LIST), [], 11000000000, flags);
    add(`Division by zero: ${name} flags ${flags}`, qcall(op, 7, 0), [], 11000000000, flags);
    add(`${name}: cost before division by zero flags ${flags}`, qcall(op, 7, 0), [], 900, flags);
  }
  add(`${short} (DISABLE_OP: dividend over 2048 bytes)`, qcall(op, Buffer.alloc(2049, 1), 3), [], 11000000000, DISABLE_OP);
  add(`${short} (LIMITS: dividend over 256 bytes)`, qcall(op, Buffer.alloc(257, 1), 3), [], 11000000000, LIMITS);
  add(`${short} (LIMITS: divisor over 1024 bytes)`, qcall(op, 3, Buffer.alloc(1025, 1)), [], 11000000000, LIMITS);
}
add("> takes exactly 2 argument(s)", qcall(21, 1));
add("Requires Int Argument: >", qcall(21, 1000000000000, LIST));
add("ash takes exactly 2 argument(s)", qcall(22, 1));
add("Requires Int Argument: ash", qcall(22, LIST, 1));
add("ash requires int32 args (with no leading zeros)", qcall(22, 1, raw("0000000001")));
add("ash requires int32 args (pair)", qcall(22, 1, LIST));
add("Shift too large: ash", qcall(22, 1, 65536));
add("Shift too large: ash negative", qcall(22, 1, -65536));
add("lsh takes exactly 2 argument(s)", qcall(23, 1, 2, 3));
add("lsh used on list", qcall(23, LIST, 1));
add("lsh requires int32 args (with no leading zeros)", qcall(23, 1, raw("0100000000")));
add("Shift too large: lsh", qcall(23, 1, 65536));
add("lognot takes exactly 1 argument(s)", qcall(27, 1, 2));
add("Requires Int Argument: lognot", qcall(27, LIST));
add("any / all: cost exceeded", qcall(33, 1, 2, 3), [], 700);
add("all: success", qcall(34, 1, 2));

// --- modpow, coinid, keccak256, sha256tree
for (const flags of [0, MALACHITE, NEW_COST_MODEL]) {
  add(`modpow takes exactly 3 argument(s) flags ${flags}`, qcall(60, 1, 2), [], 11000000000, flags);
  add(`Requires Int Argument: modpow flags ${flags}`, qcall(60, 2, 3, LIST), [], 11000000000, flags);
  add(`ModPow with Negative Exponent flags ${flags}`, qcall(60, 2, -3, 5), [], 11000000000, flags);
  add(`Division by zero: modpow flags ${flags}`, qcall(60, 2, 3, 0), [], 11000000000, flags);
}
add("Requires Int Argument: modpow (issue case)", "ff3cffff0102ffff0103ffff01ff010280", "80", 3000, 0);
add("modpow (LIMITS: operand over 256 bytes)", qcall(60, Buffer.alloc(257, 1), 3, 5), [], 11000000000, LIMITS);
add("modpow: cost before the exponent's sign", qcall(60, 2, -3, 5), [], 17000);
add("coinid takes exactly 3 argument(s)", qcall(48, 1, 2));
add("coinid used on list", qcall(48, LIST, 1, 2));
const H = Buffer.alloc(32, 0xab);
add("CoinID Error: Invalid Parent Coin ID, not 32 bytes", qcall(48, Buffer.alloc(31, 1), H, 1));
add("CoinID Error: Invalid Puzzle Hash, not 32 bytes", qcall(48, H, Buffer.alloc(33, 1), 1));
add("CoinID Error: Invalid Amount: Amount is Negative", qcall(48, H, H, -1));
add("CoinID Error: Invalid Amount: Amount has leading zeroes", qcall(48, H, H, raw("0001")));
add("CoinID Error: Invalid Amount: Amount exceeds max coin amount", qcall(48, H, H, raw("010000000000000000")));
add("coinid: success", qcall(48, H, H, 1000));
add("keccak256 used on list (issue case)", "ff3effff01ff010280", "80", 200, KECCAK);
add("keccak256 used on list", qcall(62, "a", LIST), [], 11000000000, KECCAK | NEW_COST_MODEL);
add("keccak256: success", qcall(62, "abc"), [], 11000000000, KECCAK);
add("sha256tree takes exactly 1 argument(s)", qcall(63, 1, 2), [], 11000000000, SHA256TREE);
add("sha256tree: cost exceeded", qcall(63, [1, 2, 3, 4, 5, 6]), [], 1500, SHA256TREE);
add("sha256tree: success (NEW_COST_MODEL)", qcall(63, [1, [2, 3]]), [], 11000000000, SHA256TREE | NEW_COST_MODEL);

// --- BLS and secp (the native build stubs these: their texts come from clvmr's source)
add("g1_subtract: pair found, expected G1 point", qcall(49, G1, LIST));
add("g1_subtract: atom is not G1 size, 48 bytes", qcall(49, G1, 5));
add("g1_subtract: atom is not a G1 point", qcall(49, NOT_G1));
add("point_add: pair found, expected G1 point", qcall(29, LIST));
add("point_add: atom is not G1 size, 48 bytes", qcall(29, "abc"));
add("pubkey_for_exp: Requires Int Argument", qcall(30, LIST));
add("g1_multiply takes exactly 2 argument(s)", qcall(50, G1));
add("g1_multiply: Requires Int Argument", qcall(50, G1, LIST));
add("g1_multiply (LIMITS: scalar over 1024 bytes)", qcall(50, G1, Buffer.alloc(1025, 1)), [], 11000000000, LIMITS);
add("g1_negate takes exactly 1 argument(s)", qcall(51, G1, G1));
add("g1_negate: G1 atom used on list", qcall(51, LIST));
add("g1_negate: atom is not a G1 size, 48 bytes", qcall(51, "abc"));
add("g1_negate: atom is not a G1 point", qcall(51, NOT_G1));
add("g2_add: pair found, expected G2 point", qcall(52, LIST));
add("g2_add: atom is not G2 size, 96 bytes", qcall(52, G1));
add("g2_subtract: atom is not a G2 point", qcall(53, NOT_G2));
add("g2_multiply: Requires Int Argument", qcall(54, G2, LIST));
add("g2_negate: G2 atom used on list", qcall(55, LIST));
add("g2_negate: atom is not G2 size, 96 bytes", qcall(55, G1));
add("g2_negate: atom is not a G2 point", qcall(55, NOT_G2));
add("g1_map takes no more than 2 arguments", qcall(56, "a", "b", "c"));
add("g1_map takes exactly 1 or 2 arguments, got 0", [56]);
add("g1_map used on list", qcall(56, LIST));
add("g2_map takes exactly 1 or 2 arguments, got 0", [57]);
add("g2_map used on list", qcall(57, "a", LIST));
add("bls_pairing_identity failed", qcall(58, G1, G2));
add("bls_pairing_identity: first of non-cons", qcall(58, G1));
add("bls_verify failed", qcall(59, G2, G1, "msg"));
add("bls_verify: bls_verify message used on list", qcall(59, G2, G1, LIST));
add("bls_verify: first of non-cons (message missing)", call(59, q(G2), q(G1)));
add("g1_negate: relaxed check", qcall(51, NOT_G1), [], 11000000000, RELAXED_BLS);
for (const [op, name, pk] of [[raw("13d61f00"), "secp256k1_verify", K1_PK], [raw("1c3a8f00"), "secp256r1_verify", R1_PK]]) {
  add(`${name} takes exactly 3 argument(s)`, qcall(op, pk, H));
  add(`${name} pubkey used on list`, qcall(op, LIST, H, Buffer.alloc(64, 1)));
  add(`${name}: pubkey is not valid`, qcall(op, Buffer.alloc(33, 1), H, Buffer.alloc(64, 1)));
  add(`${name} msg used on list`, qcall(op, pk, LIST, Buffer.alloc(64, 1)));
  add(`${name}: message digest is not 32 bytes`, qcall(op, pk, Buffer.alloc(31, 1), Buffer.alloc(64, 1)));
  add(`${name} sig used on list`, qcall(op, pk, H, LIST));
  add(`${name}: signature is not valid`, qcall(op, pk, H, Buffer.alloc(63, 1)));
  add(`Secp256 Verify Error: failed (${name})`, qcall(op, pk, H, Buffer.alloc(64, 1)));
  add(`${name}: cost exceeded before the arguments`, qcall(op, 1), [], 1000000);
}
add("secp256k1_verify opcode 64 (ENABLE_SECP_OPS): arity", qcall(64, 1), [], 11000000000, SECP);

console.log(lines.join("\n"));
