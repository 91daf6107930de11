// The benchmarks' API server, run as its own process so that its work does not count against the
// client being measured. Answers every request with a real Neutron 21 GET body, keep-alive.
// Prints its URL on the first line of stdout. LATENCY_MS=n delays each answer by n ms, to see the
// client's fixed overhead against a server that takes as long as a real one.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";

const capture = JSON.parse(readFileSync(new URL("../test/fixtures/neutron-captures/get-connection-200.json", import.meta.url), "utf8"));
const body = Buffer.from(capture.response.body_raw);
const headers = {
  "Content-Type": "application/json",
  "Content-Length": body.length,
  "X-Openstack-Request-Id": "req-76577125-1b65-409c-8a79-92898b29ebfb",
};

const LATENCY_MS = Number(process.env.LATENCY_MS ?? 0);
const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const answer = () => {
      res.writeHead(200, headers);
      res.end(body);
    };
    if (LATENCY_MS > 0) setTimeout(answer, LATENCY_MS);
    else answer();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => console.log(`http://127.0.0.1:${server.address().port}`));
process.on("SIGTERM", () => server.close(() => process.exit(0)));
process.on("disconnect", () => process.exit(0));
