/// <reference types="node" />
/**
 * The MCP server over Streamable HTTP (the SDK's transport), stateless: each POST to `path`
 * gets its own server and transport, so nothing is kept between requests. Requests whose
 * `Origin` is another host than the one asked for (a web page reaching a local server) are
 * refused, as the MCP specification requires.
 */
import { createServer, type IncomingMessage, type Server as HttpServer, type ServerResponse } from 'node:http';
import type { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

export interface HttpOptions {
  port: number;
  /** default `127.0.0.1`: this machine only */
  host?: string;
  /** default `/mcp` */
  path?: string;
}

export function serveHttp(newServer: () => Server, { port, host = '127.0.0.1', path = '/mcp' }: HttpOptions): Promise<HttpServer> {
  const http = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const reply = (status: number, message: string, headers: Record<string, string> = {}) =>
      res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
    const origin = req.headers.origin;
    if (url.pathname !== path) reply(404, `Not found: the MCP endpoint is ${path}`);
    else if (req.method !== 'POST') reply(405, 'Method not allowed: this server is stateless (POST only)', { allow: 'POST' });
    else if (origin !== undefined && hostOf(origin) !== req.headers.host) reply(403, `Forbidden origin: ${origin}`);
    else handle(req, res);
  });
  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const server = newServer();
    // no sessionIdGenerator: stateless
    const transport = new StreamableHTTPServerTransport({ enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void server.close();
    });
    server
      .connect(transport)
      .then(() => transport.handleRequest(req, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
  };
  return new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(port, host, () => resolve(http));
  });
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}
