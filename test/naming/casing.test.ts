import { describe, expect, it } from 'vitest';
import { camelCase, kebabCase, pascalCase, words } from '../../src/naming/casing.js';

describe('words', () => {
  const cases: Array<{ given: string; want: string[] }> = [
    { given: 'list-users', want: ['list', 'users'] },
    { given: 'fooBar', want: ['foo', 'Bar'] },
    { given: 'FOOBar', want: ['FOO', 'Bar'] },
    { given: 'v2Users', want: ['v2', 'Users'] },
    { given: 'oauth2_token', want: ['oauth2', 'token'] },
    { given: 'Conversation-2', want: ['Conversation', '2'] },
    { given: '  spaced   out  ', want: ['spaced', 'out'] },
    { given: 'a.b/c{d}', want: ['a', 'b', 'c', 'd'] },
    { given: '', want: [] },
    { given: '---', want: [] },
    { given: 'café_au_lait', want: ['café', 'au', 'lait'] },
    { given: '用户列表', want: ['用户列表'] },
    { given: 'a🙂b', want: ['a', 'b'] },
    { given: '🙂', want: [] },
    { given: 'x\u200dy', want: ['x', 'y'] },
    { given: 'cafe\u0301', want: ['café'] }, // NFC: e + combining accent → é
    { given: '\u0301mark', want: ['mark'] }, // a mark cannot start a word
    { given: '*/', want: [] },
    { given: '${x}', want: ['x'] },
  ];
  it.each(cases)('$given', ({ given, want }) => expect(words(given)).toEqual(want));
});

describe('pascalCase', () => {
  const cases: Array<{ given: string; want: string }> = [
    { given: 'list-users', want: 'ListUsers' },
    { given: 'Conversation-2', want: 'Conversation2' },
    { given: 'user_id', want: 'UserId' },
    { given: 'Group users', want: 'GroupUsers' },
    { given: 'UserListResponse', want: 'UserListResponse' },
    { given: 'OpenAIFile', want: 'OpenAIFile' }, // acronyms in mixed case are kept
    { given: 'LIST_USERS', want: 'ListUsers' }, // an all-caps name is recased
    { given: 'users V1', want: 'UsersV1' },
    { given: '2fa', want: '2fa' }, // not an identifier yet: identifier() adds the '_'
    { given: 'ünïcödé-name', want: 'ÜnïcödéName' },
    { given: 'ß-test', want: 'SsTest' },
    { given: '', want: '' },
    { given: "it's a \"name\"", want: 'ItSAName' },
  ];
  it.each(cases)('$given', ({ given, want }) => expect(pascalCase(given)).toBe(want));
});

describe('camelCase', () => {
  const cases: Array<{ given: string; want: string }> = [
    { given: 'list-users', want: 'listUsers' },
    { given: 'get_organization_users', want: 'getOrganizationUsers' },
    { given: 'ListUsers', want: 'listUsers' },
    { given: 'listUsers', want: 'listUsers' },
    { given: 'APIKey', want: 'apiKey' },
    { given: 'getHTTPResponse', want: 'getHTTPResponse' },
    { given: 'DELETE_USER', want: 'deleteUser' },
    { given: 'GET /organization/users/{user_id}', want: 'getOrganizationUsersUserId' },
    { given: 'retrieve-user 🙂', want: 'retrieveUser' },
    { given: '', want: '' },
  ];
  it.each(cases)('$given', ({ given, want }) => expect(camelCase(given)).toBe(want));
});

describe('kebabCase', () => {
  const cases: Array<{ given: string; want: string }> = [
    { given: 'Group users', want: 'group-users' },
    { given: 'GroupUsers', want: 'group-users' },
    { given: 'Users V1', want: 'users-v1' },
    { given: 'OpenAI File', want: 'open-ai-file' },
    { given: '../../etc/passwd', want: 'etc-passwd' },
    { given: 'a\\b:c*d?', want: 'a-b-c-d' },
    { given: '', want: '' },
  ];
  it.each(cases)('$given', ({ given, want }) => expect(kebabCase(given)).toBe(want));
});
