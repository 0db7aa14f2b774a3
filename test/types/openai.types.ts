/**
 * Type tests of `generated/openai` (issue 13), checked by `typecheck.test.ts` with tsc (never
 * run): discriminated unions whose members carry their own tag (point 6), stream flags
 * (point 7), uploads and several request media types (points 5 and 8), the client config.
 */
import {
  createChatCompletion,
  createChatCompletionStream,
  createClient,
  createFile,
  createImageEdit,
  createResponse,
  createResponseStream,
  createTranscription,
  createTranscriptionStream,
  downloadFile,
  listChatCompletions,
  type InputItem,
  type Item,
  type Tool,
} from '../../generated/openai/src/index.js';

const client = createClient({ auth: { ApiKeyAuth: 'sk-test' } });
declare const bytes: Uint8Array;
declare const file: File;

export async function mustCompile(): Promise<void> {
  // the environment supplies the key and the base URL (env: OPENAI_API_KEY, OPENAI_BASE_URL)
  createClient();

  // Point 6: the tool-calling loop's items keep their own literal `type`.
  const output: InputItem = { type: 'function_call_output', call_id: 'call_1', output: '{"ok":true}' };
  const call: Item = { type: 'function_call', call_id: 'call_1', name: 'lookup', arguments: '{}' };
  const reference: InputItem = { type: 'item_reference', id: 'msg_1' };
  const message: InputItem = { role: 'user', content: 'Hello' };
  const tool: Tool = { type: 'web_search' };
  await createResponse(client, { body: { model: 'gpt-5', input: [message, call, output, reference], tools: [tool] } });

  // Point 7: the plain function says nothing or `stream: false`; the stream variant nothing or `true`.
  await createChatCompletion(client, { body: { model: 'gpt-5', messages: [{ role: 'user', content: 'Hi' }] } });
  await createChatCompletion(client, { body: { model: 'gpt-5', messages: [], stream: false } });
  await createChatCompletion(client, { body: { model: 'gpt-5', messages: [], stream: null } });
  for await (const chunk of await createChatCompletionStream(client, { body: { model: 'gpt-5', messages: [] } })) chunk.choices[0]?.delta;
  await createChatCompletionStream(client, { body: { model: 'gpt-5', messages: [], stream: true } });
  await createResponseStream(client, { body: { model: 'gpt-5', input: 'Hi' } });
  await createTranscriptionStream(client, { body: { file, model: 'gpt-4o-transcribe', stream: true } });

  // Points 5 and 8: uploads take files, bytes and streams; one function takes either media type.
  await createFile(client, { body: { file, purpose: 'batch', expires_after: { anchor: 'created_at', seconds: 3600 } } });
  await createFile(client, { body: { file: bytes, purpose: 'batch' } });
  await createFile(client, { body: { file: new Blob(['{}']).stream(), purpose: 'batch' } });
  await createImageEdit(client, { body: { image: [file, file], prompt: 'A hat', model: 'gpt-image-1' } });
  await createImageEdit(client, { body: { images: [{ image_url: 'https://example.com/a.png' }], prompt: 'A hat', model: 'gpt-image-1' } });
  await createImageEdit(client, { body: { image: file, prompt: 'A hat' } }, { contentType: 'multipart/form-data' });
  await createTranscription(client, { body: { file, model: 'whisper-1', timestamp_granularities: ['word'], response_format: 'verbose_json' } });

  // Point 2: a file's content is text, whatever the spec's media type says.
  const text: string = await downloadFile(client, { file_id: 'file_1' });
  text.split('\n');

  // Escape hatches per call.
  await listChatCompletions(client, { metadata: { key1: 'v' } }, { query: { extra: 1 }, headers: { 'x-trace': '1' }, baseUrl: 'http://127.0.0.1:1' });
}

export async function mustNotCompile(): Promise<void> {
  // @ts-expect-error TS2322 the plain function cannot ask for a stream
  await createChatCompletion(client, { body: { model: 'gpt-5', messages: [], stream: true } });
  // @ts-expect-error TS2322 nor can the Responses API's
  await createResponse(client, { body: { model: 'gpt-5', input: 'Hi', stream: true } });
  // @ts-expect-error TS2322 the stream variant cannot turn the stream off
  await createChatCompletionStream(client, { body: { model: 'gpt-5', messages: [], stream: false } });
  // @ts-expect-error TS2322 nor can a multipart one
  await createTranscriptionStream(client, { body: { file, model: 'gpt-4o-transcribe', stream: false } });
  // @ts-expect-error TS2820 a tag that no member declares (tsc suggests the nearest one)
  const wrong: InputItem = { type: 'function_call_result', call_id: 'call_1', output: '' };
  // @ts-expect-error TS2322 the schema name is not a tag any more
  const named: InputItem = { type: 'Item', id: 'x' };
  // @ts-expect-error TS2322 a file part takes a file, not its name
  await createFile(client, { body: { file: 'data.jsonl', purpose: 'batch' } });
  void wrong;
  void named;
}
