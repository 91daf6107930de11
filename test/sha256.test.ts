import { createHash, createHmac, randomBytes } from "node:crypto";
import fc from "fast-check";
import { hmacSha256HexKey, hmacSha256Key, hmacSha256KeyJs, paddedLength, sha256, sha256Js, toHex } from "../src/auth/sha256";

// Both implementations are tested: the native one Node uses, and the JavaScript one browsers use.
const implementations = [
  ["JavaScript", sha256Js, hmacSha256KeyJs],
  ["native", sha256, hmacSha256Key],
] as const;

const enc = (s: string) => new TextEncoder().encode(s);

describe.each(implementations)("%s SHA-256", (_name, sha256, hmacSha256Key) => {
const hmacSha256 = (key: Uint8Array, message: Uint8Array) => hmacSha256Key(key)(message);

test.each([
  ["", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
  ["abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
  ["abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"],
])("sha256(%j) is the FIPS 180-4 example digest", (input, digest) => {
  expect(toHex(sha256(enc(input)))).toBe(digest);
});

test("HMAC-SHA256 gives RFC 4231 test case 2", () => {
  expect(toHex(hmacSha256(enc("Jefe"), enc("what do ya want for nothing?")))).toBe("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
});

test("a padded message is whole blocks with room for 0x80 and the length, also from 2 GiB on, where 32-bit arithmetic wraps", () => {
  expect([0, 55, 56, 63, 64, 119, 120].map(paddedLength)).toEqual([64, 64, 128, 128, 128, 128, 192]);
  expect(paddedLength(2 ** 31 - 8)).toBe(2 ** 31 + 64);
  expect(paddedLength(2 ** 32 - 1)).toBe(2 ** 32 + 64);
});

test("agrees with node:crypto on every length around the block and padding edges", () => {
  for (let n = 0; n <= 300; n++) {
    const data = randomBytes(n);
    expect(toHex(sha256(data))).toBe(createHash("sha256").update(data).digest("hex"));
  }
});

test("HMAC agrees with node:crypto for keys at the block size (64 bytes), one byte either side, and far longer (hashed first)", () => {
  for (const n of [0, 1, 63, 64, 65, 100, 200]) {
    const key = randomBytes(n);
    expect(toHex(hmacSha256(key, enc("message")))).toBe(createHmac("sha256", key).update("message").digest("hex"));
  }
});

test("HMAC agrees with node:crypto for random keys (including longer than a block) and messages", () => {
  // size "max": without it fast-check keeps arrays to about 10 elements, whatever maxLength says.
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200, size: "max" }), fc.uint8Array({ maxLength: 500, size: "max" }), (key, message) => {
      expect(toHex(hmacSha256(key, message))).toBe(createHmac("sha256", key).update(message).digest("hex"));
    }),
    { numRuns: 500 },
  );
});
});

// What AK/SK signing runs per request: string messages, hex out; a key of ASCII bytes takes the
// string path, any other key (or one longer than a block, hashed first) the bytes path.
test("hex HMAC of string messages agrees with node:crypto for ASCII, non-ASCII and long keys", () => {
  const asciiKey = fc.string({ unit: "grapheme-ascii", maxLength: 80, size: "max" }).map(enc);
  fc.assert(
    fc.property(fc.oneof(asciiKey, fc.uint8Array({ maxLength: 200, size: "max" })), fc.string({ unit: "grapheme", maxLength: 300 }), (key, message) => {
      expect(hmacSha256HexKey(key)(message)).toBe(createHmac("sha256", key).update(message, "utf8").digest("hex"));
    }),
    { numRuns: 500 },
  );
});

// The string path needs every byte of the key's block below 0x80; 0x80 itself is the first that is not.
test.each([
  ["ASCII and one byte 0x80", [...enc("key-"), 0x80]],
  ["64 bytes, all 0x80 and above", Array.from({ length: 64 }, (_, i) => 0x80 + i)],
  ["exactly one block of ASCII", [...enc("k".repeat(64))]],
  ["one byte more than a block", [...enc("k".repeat(65))]],
])("hex HMAC under a key of %s agrees with node:crypto", (_label, bytes) => {
  const key = Uint8Array.from(bytes);
  for (const message of ["", "SDK-HMAC-SHA256\n20191115T033655Z\nabc", "é€😀"]) {
    expect(hmacSha256HexKey(key)(message)).toBe(createHmac("sha256", key).update(message, "utf8").digest("hex"));
  }
});
