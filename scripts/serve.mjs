// Rowcraft's production HTTP server: Next's request handler behind a plain Node server that
// records each request's TCP peer address in a header, overwriting whatever the client sent.
// Next's route handlers cannot see the socket, and Next fills X-Forwarded-For from it only
// when the client sent none, so without this a forged X-Forwarded-For could not be told from
// a real one (server/auth/client-address.ts reads the header, and only in this process).
import http from "node:http";
import next from "next";

const PEER_ADDRESS_HEADER = "x-rowcraft-peer-address";
const port = Number(process.env.PORT ?? "3000");

// A symbol on globalThis, not an env variable: nothing outside this process can set it.
globalThis[Symbol.for("rowcraft.peerAddressHeader")] = true;

const app = next({ dev: false, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = http.createServer((request, response) => {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  void handle(request, response);
});
server.on("upgrade", (request, socket, head) => {
  request.headers[PEER_ADDRESS_HEADER] = request.socket.remoteAddress ?? "";
  void app.getUpgradeHandler()(request, socket, head);
});
server.listen(port, () => {
  console.log(`Ready: Rowcraft serving on port ${port}`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
