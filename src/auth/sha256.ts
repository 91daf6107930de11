// SHA-256 (FIPS 180-4) and HMAC-SHA256 (RFC 2104), synchronous, for AK/SK signing.
//
// Why not WebCrypto everywhere: in Node, crypto.subtle is asynchronous and each call is a round
// trip to a worker thread; signing one request takes three calls, which alone cost about twice
// what Huawei's whole official signer takes. So: where the runtime offers node:crypto
// synchronously (Node ≥ 20.16, Bun, Deno's Node compatibility, through `process.getBuiltinModule`:
// looked up at run time, never imported, so no bundle sees it) its native hash is used. Browsers
// run WebCrypto in-process and sign with it (sign-aksk.ts, webCryptoAkskSigner); where there is
// neither (pages served over plain http, where crypto.subtle does not exist) the plain
// JavaScript below. Both are checked against node:crypto and NIST vectors in test/sha256.test.ts.
// The key (SK) never leaves these functions.

interface NodeHash {
  update(data: Uint8Array | string): NodeHash;
  digest(): Uint8Array;
}
type NodeCrypto = {
  createHash(algorithm: "sha256"): NodeHash;
  /** One-shot hash (Node ≥ 20.12): no Hash object, noticeably cheaper for small inputs. */
  hash?(algorithm: "sha256", data: Uint8Array | string, encoding: "buffer"): Uint8Array;
  hash?(algorithm: "sha256", data: Uint8Array | string, encoding: "hex"): string;
};
const nodeCrypto = /* @__PURE__ */ (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process?.getBuiltinModule?.("node:crypto") as
  | NodeCrypto
  | undefined;

/** Whether SHA-256 here is node:crypto's native one (else plain JavaScript). */
export const hasNativeSha256 = nodeCrypto !== undefined;

const primes = (count: number): number[] => {
  const found: number[] = [];
  // Stryker disable next-line EqualityOperator: equivalent, one prime more makes one table entry more, past the 8 (H0) and 64 (K) ever read
  for (let n = 2; found.length < count; n++) if (found.every((p) => n % p)) found.push(n);
  return found;
};
// First 32 bits of the fractional parts of the square roots (H0) and cube roots (K) of the first
// primes, computed rather than copied: doubles hold these exactly enough (the tests prove it).
// Stryker disable next-line ArithmeticOperator: equivalent, x + floor(x) differs from x - floor(x) by 2·floor(x), whose multiple of 2^32 the | 0 (mod 2^32) drops: the same tables (checked for all 72 roots)
const fraction = (x: number): number => ((x - Math.floor(x)) * 2 ** 32) | 0;
let tables: { H0: Int32Array; K: Int32Array; W: Int32Array } | undefined;
// Made on the first JavaScript hash, not on import: in a fresh process (interpreted code) they take
// ~0.5 ms of every import, though Node, Bun and Deno hash natively and never need them.
const sha256Tables = () =>
  (tables ??= {
    H0: Int32Array.from(primes(8), (p) => fraction(Math.sqrt(p))),
    K: Int32Array.from(primes(64), (p) => fraction(Math.cbrt(p))),
    W: new Int32Array(64),
  });

/** Runs the compression function over `data`, whose length is a multiple of 64 bytes. */
function compress(h: Int32Array, data: Uint8Array): void {
  const { K, W } = sha256Tables();
  for (let offset = 0; offset < data.length; offset += 64) {
    // Stryker disable next-line EqualityOperator: equivalent, a W[16] read from the next 4 bytes is overwritten by the loop below before it is used
    for (let i = 0; i < 16; i++) {
      const j = offset + i * 4;
      W[i] = (data[j]! << 24) | (data[j + 1]! << 16) | (data[j + 2]! << 8) | data[j + 3]!;
    }
    // Stryker disable next-line EqualityOperator: equivalent, W has 64 entries: W[64] is a write past the end of an Int32Array, which does nothing
    for (let i = 16; i < 64; i++) {
      const a = W[i - 15]!;
      const b = W[i - 2]!;
      const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
      const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
      W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
    }
    let a = h[0]!, b = h[1]!, c = h[2]!, d = h[3]!, e = h[4]!, f = h[5]!, g = h[6]!, hh = h[7]!;
    for (let i = 0; i < 64; i++) {
      const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
      const t1 = (hh + s1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
      const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
      const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] = (h[0]! + a) | 0;
    h[1] = (h[1]! + b) | 0;
    h[2] = (h[2]! + c) | 0;
    h[3] = (h[3]! + d) | 0;
    h[4] = (h[4]! + e) | 0;
    h[5] = (h[5]! + f) | 0;
    h[6] = (h[6]! + g) | 0;
    h[7] = (h[7]! + hh) | 0;
  }
}

/**
 * Bytes a message of `length` bytes takes once padded (FIPS 180-4, 5.1.1): room for the 0x80 byte
 * and the 8-byte length, rounded up to whole 64-byte blocks. Arithmetic, as `&` would wrap at 2 GiB.
 */
export const paddedLength = (length: number): number => Math.ceil((length + 9) / 64) * 64;

/**
 * Finishes a digest: hashes `data` onward from `state` (H0, or a state after `prefixLength` bytes
 * already compressed) and returns the 32-byte digest. `state` is not modified.
 */
function finish(state: Int32Array, prefixLength: number, data: Uint8Array): Uint8Array {
  const padded = new Uint8Array(paddedLength(data.length));
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  // The length in bits, as 64 bits big-endian: bytes / 2^29 is its high word, bytes * 8 its low
  // one (setUint32 keeps the integer part, modulo 2^32).
  const length = prefixLength + data.length;
  view.setUint32(padded.length - 8, length / 2 ** 29);
  view.setUint32(padded.length - 4, length * 8);
  const h = state.slice();
  compress(h, padded);
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setInt32(i * 4, h[i]!);
  return out;
}

/** The SHA-256 digest of `data`, 32 bytes, in plain JavaScript. */
export const sha256Js = (data: Uint8Array): Uint8Array => finish(sha256Tables().H0, 0, data);

/**
 * HMAC-SHA256 under `key`: returns a function of the message. The key's two pad blocks are
 * compressed once here, so each message costs only its own blocks plus one.
 */
export function hmacSha256KeyJs(key: Uint8Array): (message: Uint8Array) => Uint8Array {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256Js(key) : key);
  const pad = (byte: number): Int32Array => {
    const state = sha256Tables().H0.slice();
    compress(state, block.map((b) => b ^ byte));
    return state;
  };
  const inner = pad(0x36);
  const outer = pad(0x5c);
  return (message) => finish(outer, 64, finish(inner, 64, message));
}

const encoder = /* @__PURE__ */ new TextEncoder();
const utf8 = (data: Uint8Array | string): Uint8Array => (typeof data === "string" ? encoder.encode(data) : data);

/** The SHA-256 digest of `data` (a string is hashed as UTF-8), 32 bytes: native where the runtime has it, else JavaScript. */
// Chosen in a function marked pure, so that a bundle that never hashes drops this module's code.
export const sha256: (data: Uint8Array | string) => Uint8Array = /* @__PURE__ */ (() =>
  nodeCrypto?.hash
    ? (data: Uint8Array | string) => nodeCrypto.hash!("sha256", data, "buffer")
    : nodeCrypto
      ? (data: Uint8Array | string) => nodeCrypto.createHash("sha256").update(data).digest()
      : (data: Uint8Array | string) => sha256Js(utf8(data)))();

/** Lowercase hex SHA-256 of `data` (a string is hashed as UTF-8). */
export const sha256Hex: (data: Uint8Array | string) => string = /* @__PURE__ */ (() =>
  nodeCrypto?.hash ? (data: Uint8Array | string) => nodeCrypto.hash!("sha256", data, "hex") : (data: Uint8Array | string) => toHex(sha256(data)))();

/**
 * HMAC-SHA256 under `key`, as a function of the message (a string is UTF-8): native where
 * available, else JavaScript. Natively it is two plain hashes over the key's pad blocks, made once
 * here, which is cheaper per message than a new node:crypto Hmac (that re-derives them).
 */
export function hmacSha256Key(key: Uint8Array): (message: Uint8Array | string) => Uint8Array {
  const native = nodeCrypto;
  // Stryker disable next-line BooleanLiteral,ConditionalExpression,BlockStatement: equivalent, both ways compute the same HMAC (the path below hashes with sha256, itself JavaScript without node:crypto); only the speed differs
  if (!native) {
    const mac = hmacSha256KeyJs(key);
    return (message) => mac(utf8(message));
  }
  const block = keyBlock(key);
  const outer = new Uint8Array(64 + 32);
  // Stryker disable next-line EqualityOperator: equivalent, outer[64] is overwritten by the inner hash before each use
  for (let i = 0; i < 64; i++) outer[i] = block[i]! ^ 0x5c;
  const innerPad = block.map((b) => b ^ 0x36);
  return (message) => {
    const bytes = utf8(message);
    const inner = new Uint8Array(64 + bytes.length);
    inner.set(innerPad);
    inner.set(bytes, 64);
    outer.set(sha256(inner), 64);
    return sha256(outer);
  };
}

/**
 * HMAC-SHA256 of string messages under `key`, as lowercase hex: what AK/SK signing needs per
 * request. With node:crypto's one-shot hash and a key whose pad blocks are ASCII (every key of
 * ASCII characters, as Huawei's SKs are), the inner hash is taken over the string pad + message:
 * the UTF-8 of an ASCII pad is the pad itself, so these are the HMAC's bytes, without encoding the
 * message, copying it behind the pad, or a byte-to-hex loop. Signing runs between network calls,
 * where every allocation and every extra step costs several times what it does in a hot loop.
 */
export function hmacSha256HexKey(key: Uint8Array): (message: string) => string {
  const native = nodeCrypto?.hash ? nodeCrypto : undefined;
  const block = keyBlock(key);
  // Stryker disable next-line ConditionalExpression: equivalent (the variant always true), the bytes path gives the same hex HMAC, only slower; the variants that take the string path for a non-ASCII key fail the tests
  if (!native || block.some((b) => b >= 0x80)) {
    const mac = hmacSha256Key(key);
    return (message) => toHex(mac(message));
  }
  const innerPad = String.fromCharCode(...block.map((b) => b ^ 0x36));
  const outer = new Uint8Array(64 + 32);
  outer.set(block.map((b) => b ^ 0x5c));
  return (message) => {
    outer.set(native.hash!("sha256", innerPad + message, "buffer"), 64);
    return native.hash!("sha256", outer, "hex");
  };
}

/** The key as one 64-byte block, zero-padded; a longer key is hashed first (RFC 2104). */
function keyBlock(key: Uint8Array): Uint8Array {
  const block = new Uint8Array(64);
  block.set(key.length > 64 ? sha256Js(key) : key);
  return block;
}

let hexTable: string[] | undefined;

/** Lowercase hex of `bytes`. */
export function toHex(bytes: Uint8Array): string {
  // Made on first use, as the tables above: signing in Node never needs it.
  const hex = (hexTable ??= Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0")));
  let out = "";
  for (const b of bytes) out += hex[b];
  return out;
}
