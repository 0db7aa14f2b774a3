/**
 * The shape of the generated docs, on the seed APIs: the method tables list the seed
 * operations with their HTTP lines, every operation has its sections, models have their
 * property tables and "used by" links, the README has its sections. Rendering twice gives
 * the same bytes.
 */
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.js';
import { renderClient } from '../../../src/generate.js';
import { codeBlocks, ROOT } from './helpers.js';

const config = loadConfig(join(ROOT, 'oagen.config.json'));
const render = async (name: string) => {
  const c = config.clients.find((x) => x.name === name)!;
  const { files } = await renderClient({ ...c, output: join(ROOT, 'test/plugins/docs/tmp/never-written', name) });
  return files;
};

/** The rows of the first table of a page, as cells. */
function firstTable(markdown: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| '));
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i].startsWith('| '); i++) {
    rows.push(lines[i].slice(2, -2).split(/ (?<!\\)\| /));
  }
  return rows;
}

/** `## fn` section of an API doc, up to the next `## `. */
function section(markdown: string, fn: string): string {
  const at = markdown.indexOf(`\n## ${fn}\n`);
  if (at === -1) throw new Error(`no section ${fn}`);
  const end = markdown.indexOf('\n## ', at + 1);
  return markdown.slice(at, end === -1 ? undefined : end);
}

const OPERATION_SECTIONS = ['Example', 'Parameters', 'Return type', 'Authorization', 'HTTP request headers', 'Responses', 'Errors and retries'];

describe('openai-admin docs', () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    files = await render('openai-admin');
  }, 60_000);

  it.each<[string, [string, string, string, string][]]>([
    [
      'UsersApi',
      [
        ['deleteUser', 'DELETE', '/organization/users/{user_id}', 'Deletes a user from the organization.'],
        ['listUsers', 'GET', '/organization/users', 'Lists all of the users in the organization.'],
        ['modifyUser', 'POST', '/organization/users/{user_id}', "Modifies a user's role in the organization."],
        ['retrieveUser', 'GET', '/organization/users/{user_id}', 'Retrieves a user by their identifier.'],
      ],
    ],
    [
      'InvitesApi',
      [
        ['deleteInvite', 'DELETE', '/organization/invites/{invite_id}', 'Delete an invite. If the invite has already been accepted, it cannot be deleted.'],
        ['inviteUser', 'POST', '/organization/invites', 'Create an invite for a user to the organization. The invite must be accepted by the user before they have access to the organization.'],
        ['listInvites', 'GET', '/organization/invites', 'Returns a list of invites in the organization.'],
        ['retrieveInvite', 'GET', '/organization/invites/{invite_id}', 'Retrieves an invite.'],
      ],
    ],
    [
      'GroupUsersApi',
      [
        ['addGroupUser', 'POST', '/organization/groups/{group_id}/users', 'Adds a user to a group.'],
        ['listGroupUsers', 'GET', '/organization/groups/{group_id}/users', 'Lists the users assigned to a group.'],
        ['removeGroupUser', 'DELETE', '/organization/groups/{group_id}/users/{user_id}', 'Removes a user from a group.'],
      ],
    ],
  ])('%s: title, base URL, the method table with the seed operations, a section per operation', (doc, ops) => {
    const md = files.get(`docs/${doc}.md`)!;
    expect(md.startsWith(`# ${doc}\n`)).toBe(true);
    expect(md).toContain('All URIs are relative to `https://api.openai.com/v1`');
    const rows = firstTable(md);
    for (const [fn, method, path, summary] of ops) {
      expect(rows).toContainEqual([`[\`${fn}\`](#${fn.toLowerCase()})`, `**${method}** \`${path}\``, summary]);
      const s = section(md, fn);
      for (const title of OPERATION_SECTIONS) expect(s, `${doc} ${fn} ### ${title}`).toContain(`\n### ${title}\n`);
      expect(codeBlocks(doc, s).filter((b) => b.lang === 'ts').length).toBeGreaterThanOrEqual(1);
    }
  });

  it('UsersApi: signatures, parameters, return types, auth, headers and responses of the seed operations', () => {
    const md = files.get('docs/UsersApi.md')!;
    const list = section(md, 'listUsers');
    expect(list).toContain('> `listUsers(client: Client, params?: ListUsersParams, options?: RequestOptions): PagePromise<UserListResponse, User>`');
    expect(list).toContain('| `limit` | query | `number` | A limit on the number of objects to be returned.');
    expect(list).toMatch(/\| `after` \| query \| `string` \| A cursor for use in pagination\. `after` is an object ID/);
    expect(list).toContain('`PagePromise<`[`UserListResponse`](models/UserListResponse.md)`, `[`User`](models/User.md)`>`');
    expect(list).toContain('\n### Pagination\n');
    expect(list).toMatch(/for await \(const user of listUsers\(client, \{ limit: 20 \}\)\)/);
    expect(list).toContain('[`AdminApiKeyAuth`](../README.md#adminapikeyauth) (HTTP bearer token)');
    expect(list).toContain('| **`200`** | Users listed successfully. | [`UserListResponse`](models/UserListResponse.md) | returned |');

    const modify = section(md, 'modifyUser');
    expect(modify).toContain('> `modifyUser(client: Client, params: ModifyUserParams, options?: RequestOptions): ApiPromise<User>`');
    expect(modify).toContain('| `user_id` | path | `string` | The ID of the user. | yes |');
    expect(modify).toContain('| `body` | body | [`UserRoleUpdateRequest`](models/UserRoleUpdateRequest.md) |');
    expect(modify).toContain('- **Content-Type**: `application/json`');
    // specs/openai.overlay.yaml marks OpenAI's POSTs retryable (as OpenAI's own client retries them)
    expect(modify).toContain('Retried automatically: the spec marks it safe to retry (`x-oagen-retry`), so connection errors');
    expect(modify).toMatch(/const user = await modifyUser\(client, \{\n\s+user_id: 'user_abc123',\n\s+body: \{/);

    const retrieve = section(md, 'retrieveUser');
    expect(retrieve).toContain('Retried automatically: `GET` is idempotent');
  });

  it('models: a property table with real TypeScript types, an example, and where the model is used', () => {
    const md = files.get('docs/models/User.md')!;
    expect(md.startsWith('# User\n')).toBe(true);
    expect(md).toContain('`interface User` from `openai-admin`.');
    expect(md).toMatch(/\| `added_at` \| `number` \| yes \| The Unix timestamp \(in seconds\) of when the user was added\. \|/);
    expect(md).toMatch(/\| `email` \| `string \\\| null` \| (yes|no) \|/);
    expect(md).toContain('- [`retrieveUser`](../UsersApi.md#retrieveuser) (response)');
    expect(md).toContain('const user: User = {');
    const list = files.get('docs/models/UserListResponse.md')!;
    expect(list).toContain('| `data` | [`User`](User.md)`[]` | yes |');
  });

  it('README: install, configure, authenticate, a section per group, errors, pagination, retries, raw responses, references', () => {
    const md = files.get('README.md')!;
    const headings = md.split('\n').filter((l) => /^#{1,3} /.test(l));
    for (const h of ['# openai-admin', '## Installation', '## Quick start', '## Configuration', '## Authentication', '### AdminApiKeyAuth', '## Usage', '### Users', '### Invites', '### Group users', '## Errors', '## Pagination', '## Retries and timeouts', '## Raw responses', '## API reference', '## Models']) {
      expect(headings, h).toContain(h);
    }
    expect(headings).not.toContain('## Streaming');
    expect(md).toContain('npm install openai-admin');
    expect(md).toContain('| [`UsersApi`](docs/UsersApi.md) | [`deleteUser`](docs/UsersApi.md#deleteuser) | **DELETE** `/organization/users/{user_id}` |');
    expect(md).toContain('- [`User`](docs/models/User.md)');
    expect(md).toContain('.withResponse()');
  });

  it('renders the same bytes twice', async () => {
    const again = await render('openai-admin');
    for (const [path, content] of files) if (path.endsWith('.md')) expect(again.get(path), path).toBe(content);
  }, 60_000);
});

describe('arthur docs', () => {
  let files: Map<string, string>;
  beforeAll(async () => {
    files = await render('arthur');
  }, 60_000);

  it('UsersV1Api lists the ten operations of the seed', () => {
    const md = files.get('docs/UsersV1Api.md')!;
    const fns = firstTable(md).map((r) => /`(\w+)`/.exec(r[0])![1]);
    expect(fns).toEqual([
      'acceptMyInvites',
      'deleteUser',
      'getOrganizationUsers',
      'getUsersMe',
      'patchServiceAccountUser',
      'patchUser',
      'postOrganizationServiceAccount',
      'postOrganizationUser',
      'postOrganizationUserInvite',
      'postUserCreds',
    ]);
  });

  it('getOrganizationUsers: enum parameters linked, array default shown, page pagination explained', () => {
    const s = section(files.get('docs/UsersV1Api.md')!, 'getOrganizationUsers');
    expect(s).toContain('| `sort` | query | [`UserSort`](models/UserSort.md) | Override the field used for sorting. Optional. | no |');
    expect(s).toContain('| `user_types` | query | [`UserType`](models/UserType.md)`[]` | Limits the results to a specific set of user types. | no | `[\'user\', \'service_account\']` |');
    expect(s).toContain('increments the `page` query parameter');
    expect(s).toContain('[`OAuth2AuthorizationCode`](../README.md#oauth2authorizationcode) (OAuth 2.0 access token)');
    expect(s).toContain('| **`422`** | Validation Error | [`HTTPValidationError`](models/HTTPValidationError.md) | throws [`UnprocessableEntityError`](../README.md#errors) |');
  });

  it('enum models list their values', () => {
    const md = files.get('docs/models/UserType.md')!;
    expect(md).toContain("| `'user'` |");
    expect(md).toContain("| `'service_account'` |");
  });
});

describe('deprecated aliases (the name lock renames, issue 8)', () => {
  it('are listed in the README with their replacement when the input has any', async () => {
    const { loadIR } = await import('../../../src/generate.js');
    const { Diagnostics } = await import('../../../src/diagnostics.js');
    const { assignNames } = await import('../../../src/naming/names.js');
    const { modelView } = await import('../../../src/view/models.js');
    const { operationView } = await import('../../../src/view/operations.js');
    const { renderDocs } = await import('../../../src/plugins/docs/render.js');
    const diagnostics = new Diagnostics();
    const ir = await loadIR(join(ROOT, 'specs/arthur.yaml'), { diagnostics });
    const names = assignNames(ir, diagnostics);
    const ctx = { names: names.schema, schemas: new Map(ir.schemas.map((n) => [n.id, n.schema])) };
    const input = {
      ir,
      names,
      operations: ir.operations.map((op) => operationView(op, names.operation.get(op.key)!, { ...ctx, security: ir.security })),
      models: ir.schemas.map((n) => modelView(n, ctx)),
      packageName: 'arthur',
      version: '1.1.0',
      ctx,
      webhooks: [],
    };
    expect(renderDocs(input).get('README.md')).not.toContain('## Deprecated aliases');
    const readme = renderDocs({
      ...input,
      aliases: [
        { name: 'getOrgUsers', target: 'getOrganizationUsers', kind: 'function', since: '1.1.0' },
        { name: 'UserV1', target: 'User', kind: 'type' },
      ],
    }).get('README.md')!;
    expect(readme).toContain('## Deprecated aliases');
    expect(readme).toContain('| `getOrgUsers` | function | `getOrganizationUsers` | `1.1.0` |');
    expect(readme).toContain('| `UserV1` | type | `User` |   |');
  }, 60_000);
});
