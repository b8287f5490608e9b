#!/usr/bin/env node
// Records clvm_tools 0.9.5's answers (the npm port: `opc` = read_ir + assemble_from_ir, `opd` =
// disassemble) for a few hundred generated expressions, into tests/data/text/{opc,opd}.tsv.
//
//   NODE_PATH=<dir with node_modules/clvm_tools 0.9.5> node scripts/text_oracle_record.js [out_dir]
//
// (docs/oracles.md says how to install it.)
// Deterministic: a fixed seed, so re-running gives the same files.
//
// File format, one case per line, tab-separated:
//   opc.tsv: <text> TAB <serialized hex> | <text> TAB !error <message>
//   opd.tsv: <serialized hex> TAB <text>
// <text> is escaped: \\ \t \n \r and \xNN for other bytes below 0x20 or above 0x7e (UTF-8 bytes).
//
// Left out on purpose, because clvmpp deliberately differs from the JS port there (see
// tests/text/deviations_test.cpp): text after the first expression, a stray `)` or `.` read as a
// word, `0x0x` hex, words naming Object.prototype members, and atoms of 3+ bytes whose printable
// bytes include `"` or \t \n \v \f \r.
"use strict";
const fs = require("fs");
const path = require("path");
const clvm = require("clvm");
const reader = require("clvm_tools/ir/reader");
const binutils = require("clvm_tools/clvm_tools/binutils");

let seed = 0x5eed1234;
function rand() {  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const int = (n) => Math.floor(rand() * n);

function escape(s) {
  let out = "";
  for (const b of Buffer.from(s, "utf8")) {
    if (b === 0x5c) out += "\\\\";
    else if (b === 0x09) out += "\\t";
    else if (b === 0x0a) out += "\\n";
    else if (b === 0x0d) out += "\\r";
    else if (b < 0x20 || b > 0x7e) out += "\\x" + b.toString(16).padStart(2, "0");
    else out += String.fromCharCode(b);
  }
  return out;
}

function opc(text) {
  try {
    return binutils.assemble_from_ir(reader.read_ir(text)).as_bin().hex();
  } catch (e) {
    return "!error " + (e && e.message ? e.message : String(e));
  }
}

function opd(hex) {
  const sexp = clvm.sexp_from_stream(new clvm.Stream(clvm.Bytes.from(hex, "hex")), clvm.to_sexp_f);
  return binutils.disassemble(sexp);
}

// ---- text cases -------------------------------------------------------------------------------
const KEYWORDS = ("q a i c f r l x = >s sha256 substr strlen concat + - * / divmod > ash lsh logand " +
  "logior logxor lognot point_add pubkey_for_exp not any all softfork").split(" ");
const WORDS = ["foo", "bar", "hello", "coinid", "modpow", "g1_add", "keccak256", "x1", "a-b", "#",
  "#foo", "a(b", "a;b", "a'b", "a\"b", "0y12", "1a", "--", "+-1", "-+", "é", "日本", "#coinid", "%"];
const HELLO = ["hello", "hello world", "a;b", "(q . 1)", "it's", "", "x", "ab", "abc", "0x12", "123",
  " spaced ", "tab\there", "new\nline", "émoji 🎉", "semi;colon", "#q"];

function randomDecimal() {
  const sign = pick(["", "", "", "-", "+"]);
  const kind = int(6);
  if (kind === 0) return sign + String(int(10));
  if (kind === 1) return sign + String(int(300));
  if (kind === 2) return sign + "0".repeat(1 + int(3)) + String(int(1000));
  if (kind === 3) return sign + pick(["127", "128", "255", "256", "32767", "32768", "65535", "8388608",
    "67108863", "67108864", "2147483648", "4294967296", "9223372036854775807",
    "9223372036854775808", "18446744073709551616"]);
  let digits = String(1 + int(9));
  const n = 1 + int(80);
  for (let i = 0; i < n; ++i) digits += String(int(10));
  return sign + digits;
}

function randomHex() {
  const prefix = pick(["0x", "0x", "0X"]);
  const n = int(12);
  let h = "";
  for (let i = 0; i < n; ++i) h += pick("0123456789abcdefABCDEF".split(""));
  return prefix + h;
}

function randomString() {
  const s = pick(HELLO);
  if (!s.includes('"')) return '"' + s + '"';
  return "'" + s + "'";
}

function randomAtomText() {
  switch (int(8)) {
    case 0: case 1: return pick(KEYWORDS);
    case 2: return randomDecimal();
    case 3: return randomHex();
    case 4: return randomString();
    case 5: return pick(WORDS);
    case 6: return "#" + pick(KEYWORDS);
    default: return "()";
  }
}

const SPACES = [" ", " ", " ", "  ", "\n", "\t", " ; note\n", "\r\n", "\u00a0", " ;; (x \"\n  "];
const sp = () => pick(SPACES);

function randomText(depth) {
  if (depth <= 0 || rand() < 0.3) return randomAtomText();
  const n = int(5);
  const items = [];
  for (let i = 0; i < n; ++i) items.push(randomText(depth - 1));
  let tail = "";
  if (n > 0 && rand() < 0.25) tail = sp() + "." + sp() + randomText(depth - 1);
  const inner = items.join(sp()) + tail;
  return "(" + (rand() < 0.3 ? sp() : "") + inner + (rand() < 0.3 ? sp() : "") + ")";
}

const FIXED_TEXTS = [
  "()", "( )", "0", "1", "-1", "+5", "007", "-0", "127", "128", "-128", "-129", "255", "256",
  "32767", "32768", "-32768", "-32769", "67108863", "67108864", "0x", "0x0", "0x00", "0x1", "0x0a0",
  "0XAbCd", "0x0000000000", "\"\"", "''", "\"hello\"", "'hello'", "\"it's\"", "'say \"hi\"'", "q", "#q",
  "#", "coinid", "(q . 1)", "(q . q)", "(q a b)", "(a (q . 2) 1)", "(+ (q . 1) (q . 2))",
  "(c (q . 1) (q . 2))", "(1 2 3)", "(1 . (2 . (3 . ())))", "((1 . 2) . (3 . 4))", "(() ())",
  "(((())))", "(a . b)", "(a b . c)", "(a(b c)", "(a;b c)", "(\"ab\"cd)", "(a\"b)", "; lead\n(q . 1)",
  "(q . 1) ; trail", "(q ; inside\n . 1)", "(q\r\n.\r\n1)", "\u00a0(q . 1)\u3000", "(\u2003q\ufeff)",
  "(0x 0x0 -0 +0)", "(sha256 \"hello\")", "(point_add pubkey_for_exp softfork)",
  "(softfork (q . 1000) (q . 0) (q . (q . 1)) ())", "(i (= 1 2) (q . \"yes\") (q . \"no\"))",
  "(a (q 2 2 (c 2 (c 5 ()))) (c (q 2 (i (= 5 ()) (q 1 . 1) (q 18 5 (a 2 (c 2 (c (- 5 (q . 1)) ()))))) 1) 1))",
  "123456789012345678901234567890", "-123456789012345678901234567890",
  "340282366920938463463374607431768211456", "(x \"error\")", "(#a #b)", "(l r f)",
  "(> >s = / * + -)", "(divmod ash lsh logand logior logxor lognot not any all)",
  "(substr strlen concat)", "(#. #)", "(q . #.)", "##q", "#0x12", "#12", "#\"a\"", "(é 日本)", "(\"é\" '日本')",
  // rejected by both
  "", "   ", "; only a comment", "(", "(q", "((q . 1)", "(q . 1", "\"abc", "'abc", "(\"abc)",
  "(a . b c)", "(a . b . c)", "0xzz", "0x1g", "(q 0xabcx)", "(1 2 . 3 4)",
];

// ---- tree cases -------------------------------------------------------------------------------
function encodeAtom(bytes) {
  const n = bytes.length;
  if (n === 0) return "80";
  if (n === 1 && bytes[0] < 0x80) return bytes.toString("hex");
  let prefix;
  if (n < 0x40) prefix = Buffer.from([0x80 | n]);
  else if (n < 0x2000) prefix = Buffer.from([0xc0 | (n >> 8), n & 0xff]);
  else throw new Error("atom too long");
  return prefix.toString("hex") + bytes.toString("hex");
}

const PRINTABLE = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i))
  .filter((c) => c !== '"');

function randomAtomBytes() {
  switch (int(10)) {
    case 0: return Buffer.alloc(0);
    case 1: case 2: return Buffer.from([int(64)]);  // opcodes and small ints
    case 3: return Buffer.from([int(256)]);
    case 4: return Buffer.from([int(256), int(256)]);
    case 5: return Buffer.from(pick([[0, 0x80], [0, 0x7f], [0xff, 0x7f], [0xff, 0x80], [0, 0], [0xff, 0xff],
      [0x13, 0xd6, 0x1f, 0x00], [0x1c, 0x3a, 0x8f, 0x00], [0, 0, 0], [0x80, 0, 0]]));
    case 6: case 7: {
      const n = 3 + int(20);
      let s = "";
      for (let i = 0; i < n; ++i) s += pick(PRINTABLE);
      return Buffer.from(s, "latin1");
    }
    default: {
      const n = 3 + int(40);
      return Buffer.from(Array.from({ length: n }, () => int(256)));
    }
  }
}

function randomTreeHex(depth) {
  if (depth <= 0 || rand() < 0.35) return encodeAtom(randomAtomBytes());
  // Lists most of the time (that is where operator position matters), plain pairs otherwise.
  if (rand() < 0.7) {
    const n = 1 + int(4);
    let h = "";
    for (let i = 0; i < n; ++i) h += "ff" + randomTreeHex(depth - 1);
    return h + (rand() < 0.8 ? "80" : encodeAtom(randomAtomBytes()));
  }
  return "ff" + randomTreeHex(depth - 1) + randomTreeHex(depth - 1);
}

const FIXED_TREES = ["80", "01", "ff0101", "ff01ff0203", "ff02ff01ff0304", "ffff0102ff0304",
  "ff80ff8080", "ff1dff3080", "ff3eff3f80", "ff24ff2480", "ff0fff1cff1fff2380", "ff82000180",
  "ff8180ff8180ff818080", "ff81ffff81ff80", "ff8413d61f00ff8080", "ff82ffffff8080",
  "ff83616263ff8361626383616263", "ffff01ff0280ff0380", "ff00ff0080", "8400000000", "83313233",
  "ff8461616161ff8080", "ff01ff01ff0180", "ffff8080ff8080"];

function main() {
  const out = process.argv[2] || path.join(__dirname, "..", "tests", "data", "text");
  const texts = [...FIXED_TEXTS];
  const seenText = new Set(texts);
  while (texts.length < FIXED_TEXTS.length + 260) {
    const t = randomText(4);
    if (!seenText.has(t)) { seenText.add(t); texts.push(t); }
  }
  const opcLines = texts.map((t) => escape(t) + "\t" + opc(t));
  fs.writeFileSync(path.join(out, "opc.tsv"), opcLines.join("\n") + "\n");

  const trees = [...FIXED_TREES];
  const seenTree = new Set(trees);
  while (trees.length < FIXED_TREES.length + 280) {
    const h = randomTreeHex(4);
    if (!seenTree.has(h)) { seenTree.add(h); trees.push(h); }
  }
  const opdLines = trees.map((h) => h + "\t" + escape(opd(h)));
  fs.writeFileSync(path.join(out, "opd.tsv"), opdLines.join("\n") + "\n");
  console.log(`${texts.length} texts, ${trees.length} trees -> ${out}`);
}

main();
