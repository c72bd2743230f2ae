// Integer members of the protocol arrive as JSON number literals of any size
// or form. A JS number holds 3.5, 1e+21, -0 and NaN, but not every literal:
// 9007199254740993 or 0.1 would be rounded, 1e400 would overflow. These
// helpers keep each literal's text so that the driver can tell.

// A JSON string token, or a JSON number token (exact JSON grammar, so that
// text JSON.parse refuses is not made acceptable by the marking below).
const TOKEN = /"(?:[^"\\]|\\.)*"|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
const MARK = "\u0000stsconform-number";

/**
 * parseKeepingNumbers parses a JSON text like JSON.parse, except that every
 * number becomes {[MARK]: "<literal as written>"}. Call only on text that
 * JSON.parse accepted.
 */
export function parseKeepingNumbers(text) {
  const marked = text.replace(TOKEN, (token) =>
    token.startsWith('"') ? token : `{"\\u0000stsconform-number":"${token}"}`);
  return JSON.parse(marked);
}

/** literalOf returns the literal text of a value marked by parseKeepingNumbers, or undefined. */
export function literalOf(value) {
  if (value !== null && typeof value === "object" && Object.hasOwn(value, MARK)) {
    return value[MARK];
  }
  return undefined;
}

/**
 * exactNumber returns the JS number a JSON number literal denotes when that
 * number is exactly the literal's value, or {why} explaining why no JS
 * number is (overflow, underflow, rounding).
 */
export function exactNumber(literal) {
  const value = Number(literal);
  const decimal = decimalOf(literal);
  if (!Number.isFinite(value)) {
    return { why: `${literal} overflows a JS number (it would become ${value})` };
  }
  if (value === 0) {
    return decimal.digits === 0n ? { value } : { why: `${literal} underflows a JS number (it would become 0)` };
  }
  if (!sameRational(decimal, binaryOf(value))) {
    return { why: `${literal} is not exactly a JS number (an IEEE 754 double); the nearest is ${value}` };
  }
  return { value };
}

// decimalOf returns a literal as digits × 10^exponent (digits signed).
function decimalOf(literal) {
  const [, sign, int, frac = "", exp = "0"] = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(literal);
  return { digits: BigInt(sign + int + frac), exponent: Number(exp) - frac.length };
}

// binaryOf returns a finite, non-zero double as mantissa × 2^exponent.
function binaryOf(value) {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, value);
  const bits = view.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const mantissa = biased === 0 ? fraction : fraction | (1n << 52n);
  const signed = value < 0 ? -mantissa : mantissa;
  return { mantissa: signed, exponent: (biased === 0 ? 1 : biased) - 1075 };
}

// sameRational reports whether digits×10^e10 equals mantissa×2^e2, in
// integers only. Both exponents are bounded by the line's length plus the
// range of a double, since the value is finite and non-zero.
function sameRational({ digits, exponent: e10 }, { mantissa, exponent: e2 }) {
  let left = digits;
  let right = mantissa;
  if (e10 >= 0) left *= 10n ** BigInt(e10);
  else right *= 10n ** BigInt(-e10);
  if (e2 >= 0) right *= 2n ** BigInt(e2);
  else left *= 2n ** BigInt(-e2);
  return left === right;
}
