/**
 * The MCP server of this package, on the official SDK (`@modelcontextprotocol/sdk`, an
 * optional peer dependency: only this folder imports it). Each tool calls one operation
 * function; its arguments are checked against the tool's input schema first, and its result
 * is returned as JSON text (an API error as a tool error, so the model can read and react).
 */
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { CallToolRequestSchema, ErrorCode, ListToolsRequestSchema, McpError, type CallToolResult, type Tool } from '@modelcontextprotocol/sdk/types.js';
import { ApiError, type Client, type RequestOptions } from '../runtime/index.js';

/** One operation as a tool. */
export interface McpTool {
  readonly name: string;
  /** a display name (the operation's summary) */
  readonly title?: string;
  readonly description: string;
  readonly inputSchema: Tool['inputSchema'];
  readonly annotations: NonNullable<Tool['annotations']>;
  /** arguments that are files, given as base64: `[key]` (the body) or `[key, field]` (a multipart field) */
  readonly files?: ReadonlyArray<readonly [string, string?]>;
  call(client: Client, args: Record<string, unknown>, options: RequestOptions): PromiseLike<unknown>;
}

/**
 * An operation function as a tool's `call`: the arguments are its params object (the tool's
 * input schema is that object's, and the server checks them against it before the call).
 */
export function callOf<P>(fn: (client: Client, params: P, options?: RequestOptions) => PromiseLike<unknown>): McpTool['call'] {
  return (client, args, options) => fn(client, args as P, options);
}

export interface McpServerOptions {
  /** the server's name and version, as the client sees them */
  name: string;
  version: string;
  tools: readonly McpTool[];
  client: Client;
  /** only read operations were generated (for the message about a tool that is not there) */
  readOnly?: boolean;
}

/** A server answering `tools/list` and `tools/call`; connect it to a transport. */
export function createMcpServer(options: McpServerOptions): Server {
  const { tools, client } = options;
  const server = new Server({ name: options.name, version: options.version }, { capabilities: { tools: {} } });
  const byName = new Map(tools.map((t) => [t.name, t]));
  const validators = new Map<string, Validate>();

  server.setRequestHandler(ListToolsRequestSchema, () => ({
    tools: tools.map(({ name, title, description, inputSchema, annotations }) => ({ name, ...(title ? { title } : {}), description, inputSchema, annotations })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request, extra): Promise<CallToolResult> => {
    const tool = byName.get(request.params.name);
    if (!tool) {
      const why = options.readOnly ? ' (this server exposes read operations only)' : '';
      throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name}${why}`);
    }
    const args = request.params.arguments ?? {};
    let validate = validators.get(tool.name);
    if (!validate) validators.set(tool.name, (validate = (await jsonSchemaValidator()).getValidator(tool.inputSchema)));
    const checked = validate(args);
    if (!checked.valid) return failure({ error: 'InvalidArguments', message: `${tool.name}: ${checked.errorMessage}` });
    try {
      const value = await tool.call(client, withFiles(args, tool.files), { signal: extra.signal });
      return { content: [{ type: 'text', text: await resultText(value) }] };
    } catch (e) {
      if (e instanceof ApiError) return failure({ error: e.name, status: e.status, message: e.message, body: e.body, requestId: e.requestId });
      return failure({ error: e instanceof Error ? e.name : 'Error', message: e instanceof Error ? e.message : String(e) });
    }
  });
  return server;
}

type Validate = (input: unknown) => { valid: boolean; errorMessage?: string | undefined };

/**
 * The module of the SDK's JSON Schema validator (Ajv), named by a variable: TypeScript then
 * leaves its declaration file out of the package's program (with `skipLibCheck: false` that
 * file does not compile: it uses Ajv's namespace as a type). Loaded at the first call.
 */
const AJV_PROVIDER: string = '@modelcontextprotocol/sdk/validation/ajv';
let validator: Promise<{ getValidator(schema: unknown): Validate }> | undefined;

function jsonSchemaValidator(): Promise<{ getValidator(schema: unknown): Validate }> {
  validator ??= import(AJV_PROVIDER).then((m: { AjvJsonSchemaValidator: new () => { getValidator(schema: unknown): Validate } }) => new m.AjvJsonSchemaValidator());
  return validator;
}

function failure(error: Record<string, unknown>): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: JSON.stringify(error) }] };
}

/** A result as text: JSON, a text body as is, a file as its base64, a stream's events as a JSON list. */
async function resultText(value: unknown): Promise<string> {
  if (typeof value === 'string') return value;
  if (value instanceof Blob) return JSON.stringify({ type: value.type, size: value.size, base64: base64(new Uint8Array(await value.arrayBuffer())) });
  if (typeof value === 'object' && value !== null && Symbol.asyncIterator in value) {
    const events: unknown[] = [];
    for await (const event of value as AsyncIterable<unknown>) events.push(event);
    return JSON.stringify(events);
  }
  return JSON.stringify(value ?? null);
}

/** The file arguments (base64 strings) as Blobs, as the operation functions take them. */
function withFiles(args: Record<string, unknown>, files: McpTool['files']): Record<string, unknown> {
  if (!files?.length) return args;
  const out = { ...args };
  for (const [key, field] of files) {
    const at = out[key];
    if (field === undefined) out[key] = fromBase64(at);
    else if (typeof at === 'object' && at !== null && field in at) out[key] = { ...at, [field]: fromBase64((at as Record<string, unknown>)[field]) };
  }
  return out;
}

function fromBase64(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(fromBase64);
  return typeof v === 'string' ? new Blob([Uint8Array.from(atob(v), (c) => c.charCodeAt(0))]) : v;
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}
