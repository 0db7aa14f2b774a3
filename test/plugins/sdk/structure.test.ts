/**
 * The resource-style client's structure (src/plugins/sdk/structure.ts): namespaces from path
 * segments or tags, method names (CRUD names where the HTTP method and path and the verb
 * agree, other verbs kept, the namespace's words stripped), the clash rule, determinism.
 */
import { describe, expect, it } from 'vitest';
import type { Operation } from '../../../src/ir/types.js';
import { defaultClassName, planStructure, type OperationFacts } from '../../../src/plugins/sdk/structure.js';

function op(method: string, path: string, fn: string, listLike = false, tags: string[] = []): OperationFacts {
  const o = { key: `${method} ${path}`, method, path, operationId: fn, deprecated: false, tags, parameters: [], responses: [], extensions: {}, pointer: '' } as Operation;
  return { op: o, fn, listLike };
}

/** `ns.path.method` → function, for every method */
function table(facts: OperationFacts[], mode: 'paths' | 'tags' = 'paths'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ns of planStructure(facts, mode)) for (const m of ns.methods) out[[...ns.path, m.method].join('.')] = m.facts.fn;
  return out;
}

const admin = [
  op('GET', '/organization/users', 'listUsers', true),
  op('GET', '/organization/users/{user_id}', 'retrieveUser'),
  op('POST', '/organization/users/{user_id}', 'modifyUser'),
  op('DELETE', '/organization/users/{user_id}', 'deleteUser'),
  op('GET', '/organization/groups/{group_id}/users', 'listGroupUsers', true),
  op('POST', '/organization/groups/{group_id}/users', 'addGroupUser'),
  op('DELETE', '/organization/groups/{group_id}/users/{user_id}', 'removeGroupUser'),
  op('GET', '/organization/invites', 'listInvites', true),
  op('POST', '/organization/invites', 'inviteUser'),
  op('GET', '/organization/invites/{invite_id}', 'retrieveInvite'),
  op('DELETE', '/organization/invites/{invite_id}', 'deleteInvite'),
  op('GET', '/organization/certificates/{certificate_id}', 'getCertificate'),
  op('POST', '/organization/certificates/activate', 'activateOrganizationCertificates'),
  op('GET', '/organization/projects/{project_id}/spend_limit', 'getprojectspendlimit'),
  op('POST', '/organization/projects/{project_id}/spend_limit', 'updateprojectspendlimit'),
  op('POST', '/organization/projects/{project_id}/archive', 'archiveProject'),
  op('GET', '/organization/admin_api_keys/{key_id}', 'adminApiKeysGet'),
  op('POST', '/organization/projects/{project_id}/service_accounts/{service_account_id}/api_keys', 'createanAPIkeyforaserviceaccount'),
  op('GET', '/organization/data_retention', 'retrieveOrganizationDataRetention'),
  op('POST', '/organization/users/me/accept-invite', 'acceptMyInvites'),
  op('POST', '/organization/data_retention', 'updateOrganizationDataRetention'),
];

describe('namespaces from paths, method names', () => {
  it('names the seed operations as the issue says', () => {
    expect(table(admin)).toEqual({
      'users.list': 'listUsers',
      'users.retrieve': 'retrieveUser',
      'users.update': 'modifyUser',
      'users.delete': 'deleteUser',
      'groups.users.list': 'listGroupUsers',
      'groups.users.add': 'addGroupUser',
      'groups.users.remove': 'removeGroupUser',
      'invites.list': 'listInvites',
      'invites.create': 'inviteUser',
      'invites.retrieve': 'retrieveInvite',
      'invites.delete': 'deleteInvite',
      'certificates.retrieve': 'getCertificate',
      'certificates.activate': 'activateOrganizationCertificates',
      'projects.spendLimit.retrieve': 'getprojectspendlimit',
      'projects.spendLimit.update': 'updateprojectspendlimit',
      'projects.archive': 'archiveProject',
      'adminApiKeys.retrieve': 'adminApiKeysGet',
      'projects.serviceAccounts.apiKeys.create': 'createanAPIkeyforaserviceaccount',
      'dataRetention.retrieve': 'retrieveOrganizationDataRetention',
      'dataRetention.update': 'updateOrganizationDataRetention',
      'users.me.acceptInvite': 'acceptMyInvites',
    });
  });

  it('lists the sub-namespaces of each namespace', () => {
    const plans = planStructure(admin, 'paths');
    expect(plans.find((p) => p.path.length === 0)!.children).toEqual(['adminApiKeys', 'certificates', 'dataRetention', 'groups', 'invites', 'projects', 'users']);
    expect(plans.find((p) => p.path.join('.') === 'users')!.children).toEqual(['me']);
    expect(plans.find((p) => p.path.join('.') === 'projects')!.children).toEqual(['serviceAccounts', 'spendLimit']);
  });

  it('names clashing methods by their function names, all of them', () => {
    expect(table([op('GET', '/v1/orders/{id}/lines', 'listOrderLines', true), op('GET', '/v1/orders/lines', 'searchOrderLines', true), op('POST', '/v1/orders/{id}/lines', 'addOrderLine'), op('GET', '/v1/items', 'listItems', true)])).toEqual({
      'items.list': 'listItems',
      'orders.lines.listOrderLines': 'listOrderLines',
      'orders.lines.searchOrderLines': 'searchOrderLines',
      'orders.lines.add': 'addOrderLine',
    });
  });

  it('gives way to sub-namespaces and the class members', () => {
    // `POST /things/{id}/client` would be the method `client`, which the class has
    expect(table([op('GET', '/things', 'listThings', true), op('POST', '/things/{id}/client', 'clientThing')])).toEqual({
      'things.list': 'listThings',
      'things.clientThing': 'clientThing',
    });
  });

  it('does not depend on the order of the operations', () => {
    const shuffled = [...admin].reverse();
    expect(JSON.stringify(planStructure(shuffled, 'paths').map((p) => [p.path, p.children, p.methods.map((m) => [m.method, m.facts.fn])]))).toBe(
      JSON.stringify(planStructure(admin, 'paths').map((p) => [p.path, p.children, p.methods.map((m) => [m.method, m.facts.fn])])),
    );
  });
});

describe('namespaces from tags', () => {
  it('one namespace per first tag; untagged operations on the class', () => {
    expect(
      table(
        [op('GET', '/organization/users', 'listUsers', true, ['Users']), op('GET', '/organization/users/{user_id}/roles', 'listUserRoleAssignments', true, ['User organization role assignments']), op('GET', '/health', 'getHealth')],
        'tags',
      ),
    ).toEqual({ 'users.list': 'listUsers', 'userOrganizationRoleAssignments.list': 'listUserRoleAssignments', retrieve: 'getHealth' });
  });
});

describe('class name', () => {
  it('is PascalCase of the package name without its scope', () => {
    expect(defaultClassName('openai-admin')).toBe('OpenaiAdmin');
    expect(defaultClassName('@acme/shop-api')).toBe('ShopApi');
    expect(defaultClassName('arthur')).toBe('Arthur');
  });
});
