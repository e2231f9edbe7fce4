// The size rules clippy cannot see (ARCHITECTURE.md, "Size discipline"): `{}` or `{:?}` on an f64
// expands inside format_args! and names no method clippy.toml could forbid, and clippy cannot tell
// a search's pattern type (a non-ASCII char given to `contains` is searched as a &str). So this
// reads the function names that the linker keeps in the wasm's `name` section (the module cargo
// builds, before wasm-bindgen and wasm-opt strip them) and fails, naming the functions, when core's
// float formatting (~23 KB of wasm), float parsing (~20 KB) or `&str` substring searcher (3-11 KB)
// is linked. The searcher can also be inlined whole into its caller (a constant needle), leaving
// no name: for it clippy.toml's lint on `str::find` and the like is the main guard.
//
// Usage: node scripts/check-wasm-names.mjs [path/to/spco_roles.wasm]
// (default: $CARGO_TARGET_DIR or target, /wasm32-unknown-unknown/release/spco_roles.wasm).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// Matched against the mangled names (legacy `_ZN4core3fmt5float..` and v0 `_RNv..4core3fmt5float..`
// both spell each path segment as <length><identifier>), so no demangler is needed.
const RULES = [
  {
    what: "core's float formatting (`{}`/`{:?}` on an f64, f64::to_string, f64::clamp's panic)",
    re: /flt2dec|float_to_decimal|float_to_exponential|fmt5float|grisu|dragon/,
    fix: 'write numbers with crate::lean::number::Num or chart::ticks::fmt_fixed, clamp with lean::number::clamp',
  },
  {
    what: "core's float parsing (str::parse::<f64>, f64::from_str)",
    re: /dec2flt/,
    fix: 'parse with crate::lean::number::parse_f64',
  },
  {
    what: "core's &str substring searcher (find/contains/split/replace/.. with a &str or non-ASCII char pattern)",
    re: /TwoWaySearcher|StrSearcher/,
    fix: 'search with crate::lean::substr, or an ASCII char pattern',
  },
];

/** Reads an unsigned LEB128 at `pos`; returns [value, next position]. */
function leb(buf, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = buf[pos++];
    if (byte === undefined) throw new Error('truncated LEB128');
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, pos];
    shift += 7;
  }
}

/** The function names of the wasm's `name` section (subsection 1), or null if it has none. */
export function functionNames(buf) {
  if (buf.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm module');
  let pos = 8;
  while (pos < buf.length) {
    const id = buf[pos];
    const [size, start] = leb(buf, pos + 1);
    const end = start + size;
    if (id === 0) {
      const [len, at] = leb(buf, start);
      if (buf.toString('utf8', at, at + len) === 'name') return nameSubsection(buf, at + len, end);
    }
    pos = end;
  }
  return null;
}

function nameSubsection(buf, pos, end) {
  while (pos < end) {
    const sub = buf[pos];
    const [size, start] = leb(buf, pos + 1);
    if (sub === 1) {
      const names = [];
      let [count, p] = leb(buf, start);
      while (count--) {
        let len;
        [, p] = leb(buf, p); // the function index
        [len, p] = leb(buf, p);
        names.push(buf.toString('utf8', p, p + len));
        p += len;
      }
      return names;
    }
    pos = start + size;
  }
  return [];
}

/** For each rule, the names that break it. */
export function violations(names) {
  return RULES.map((rule) => ({ ...rule, names: names.filter((n) => rule.re.test(n)) })).filter(
    (v) => v.names.length > 0,
  );
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const target = process.env.CARGO_TARGET_DIR || 'target';
  const file =
    process.argv[2] || join(target, 'wasm32-unknown-unknown', 'release', 'spco_roles.wasm');
  const names = functionNames(readFileSync(file));
  if (names === null || names.length === 0) {
    // No names would make every check pass: fail instead.
    console.error(`[names] ${file} has no function names (name section stripped?)`);
    process.exit(1);
  }
  const bad = violations(names);
  for (const v of bad) {
    console.error(`[names] ${v.what} is linked; ${v.fix}. Functions:`);
    for (const n of v.names) console.error(`  ${n}`);
  }
  if (bad.length > 0) process.exit(1);
  console.error(`[names] ${file}: ${names.length} functions, none from core's float formatting/parsing or &str searcher`);
}
