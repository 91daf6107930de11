// The redirect layer on its own, over a stand-in for the layers below it: which redirects it
// follows, what it sends on the next hop, and what its refusals say.
import { redirectLayer } from "../src/redirect";
import { type OutgoingRequest, type Received, stack } from "../src/request";
import { outgoing } from "./helpers/faults";

const answer = (status: number, location?: string): Received => ({ response: new Response(null, { status, headers: location ? { location } : {} }), body: null });

/** A stack whose server answers the first request with `first` and every later one with 200; `sent` records what reached it. */
function serverAnswering(first: () => Received) {
  const sent: OutgoingRequest[] = [];
  const send = stack([redirectLayer], async (request) => {
    sent.push(request);
    return sent.length === 1 ? first() : answer(200);
  });
  return { sent, send };
}

describe("what is followed", () => {
  test.each([301, 302, 303])("a %i for a HEAD, like a GET (no body to lose)", async (status) => {
    const { sent, send } = serverAnswering(() => answer(status, "/moved"));
    await expect(send(outgoing("https://api.example/x", { method: "HEAD" }))).resolves.toMatchObject({ response: { status: 200 } });
    expect(sent.map((r) => [r.method, r.url])).toEqual([["HEAD", "https://api.example/x"], ["HEAD", "https://api.example/moved"]]);
  });

  test("the next hop carries the request's own headers again", async () => {
    const { sent, send } = serverAnswering(() => answer(307, "/moved"));
    const headers = { accept: "application/json", "x-trace": "trace-1", "content-type": "application/json" };
    await send(outgoing("https://api.example/x", { method: "PUT", body: "{}", headers }));
    expect(sent[1]).toMatchObject({ method: "PUT", url: "https://api.example/moved", headers });
    expect(new TextDecoder().decode(sent[1]!.body as Uint8Array)).toBe("{}");
  });
});

describe("what a refusal says", () => {
  const refusal = async (first: () => Received, request: OutgoingRequest) => {
    const { sent, send } = serverAnswering(first);
    const error = await send(request).catch((e: unknown) => e);
    expect(sent).toHaveLength(1);
    return error as Error & { status?: number; location?: string };
  };

  test("another origin: names the origin left and why", async () => {
    const error = await refusal(() => answer(302, "https://evil.example/y?token=t"), outgoing("https://api.example/x"));
    expect(error).toMatchObject({ name: "VpnaasRedirectError", status: 302, location: "https://evil.example/y" });
    expect(error.message).toMatch(/it leaves https:\/\/api\.example, and credentials go only to the endpoint the client was given/);
  });

  test("a Location that is not a URL", async () => {
    const error = await refusal(() => answer(302, "http://[bad"), outgoing("https://api.example/x"));
    expect(error).toMatchObject({ name: "VpnaasRedirectError", status: 302, location: undefined });
    expect(error.message).toMatch(/its Location is not a URL/);
  });

  test("a 302 for a POST: names the status and the method it would change", async () => {
    const error = await refusal(() => answer(302, "/moved"), outgoing("https://api.example/x", { method: "POST", body: "{}" }));
    expect(error.message).toMatch(/a 302 would turn POST into a GET without its body/);
  });

  test("a browser's opaque redirect (status 0, Location hidden) is refused, not handed up as an answer", async () => {
    const opaque = () => ({ response: Object.defineProperties(new Response(null), { type: { value: "opaqueredirect" }, status: { value: 0 } }), body: null });
    const error = await refusal(opaque, outgoing("https://api.example/x"));
    expect(error).toMatchObject({ name: "VpnaasRedirectError", status: 0, location: undefined });
    expect(error.message).toMatch(/the browser hides where it points, so it cannot be checked/);
  });
});
