// What a signer keeps from one signature to the next: the origin of the last URL it parsed (to read
// the next URLs on it without parsing), and the key WebCrypto imported.
import { akskSigner, webCryptoAkskSigner } from "../src/auth/sign-aksk";

const AK = "QTWAOYTTINDUT2QVKYUC";
const SK = "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc";
const request = (url: string) => ({ method: "GET", url, headers: [["accept", "application/json"]] as [string, string][], sdkDate: "20191115T033655Z" });
const sign = (signer: ReturnType<typeof akskSigner>, url: string) => signer(request(url)).Authorization;
/** What a signer that has signed nothing before gives for `url`. */
const fresh = (url: string) => sign(akskSigner(AK, SK), url);

describe("a signer's remembered origin", () => {
  test("a URL on another origin that only ends with the remembered one is signed for its own host", () => {
    const signer = akskSigner(AK, SK);
    sign(signer, "https://a.example.com/v2.0/x");
    const other = "https://b.example.com/p?u=https://a.example.com/";
    expect(sign(signer, other)).toBe(fresh(other));
  });

  test("is only ever an origin written at the start of the URL: a blob: URL (host \"\") does not change how its inner origin is signed", () => {
    for (const blob of ["blob:https://a.example.com/", "blob:https://a.example.com/5f3c"]) {
      const signer = akskSigner(AK, SK);
      sign(signer, blob);
      for (const url of ["https://a.example.com/v2.0/x", "https://a.example.com/"]) expect(sign(signer, url)).toBe(fresh(url));
    }
  });
});

describe("the WebCrypto signer, with a key WebCrypto refuses", () => {
  const subtle = globalThis.crypto.subtle;
  const refusing = Object.assign(Object.create(subtle) as SubtleCrypto, {
    importKey: () => Promise.reject(new DOMException("HMAC keys are not supported here", "NotSupportedError")),
    digest: subtle.digest.bind(subtle),
  });

  test("fails each signature with WebCrypto's error", async () => {
    const signer = webCryptoAkskSigner(AK, SK, refusing);
    for (let i = 0; i < 2; i++) {
      await expect(signer(request("https://a.example.com/v2.0/x"))).rejects.toMatchObject({ name: "NotSupportedError", message: "HMAC keys are not supported here" });
    }
  });

  test("leaves no unhandled rejection behind when it never signs (jest fails a test that does)", async () => {
    webCryptoAkskSigner(AK, SK, refusing);
    await new Promise((resolve) => setTimeout(resolve, 10));
  });
});
