import { describe, expect, it } from 'vitest';
import { exportedValueNames, findOperationExport, normalizeName } from './exports.js';

describe('normalizeName', () => {
  const cases: Array<[string, string]> = [
    ['users/list', 'userslist'],
    ['usersList', 'userslist'],
    ['list-users', 'listusers'],
    ['users.user.ListUser', 'usersuserlistuser'],
    ['GetCustomers', 'getcustomers'],
  ];
  it.each(cases)('%s → %s', (given, want) => {
    expect(normalizeName(given)).toBe(want);
  });
});

describe('exportedValueNames', () => {
  it('finds functions and consts, not types', () => {
    const src = [
      'export function usersList() {}',
      'export async function getThing() {}',
      'export const listUsers = () => 1;',
      'export type ListUsers = string;',
      'export interface User {}',
      'const hidden = 1;',
      'export declare function declared(): void;',
    ].join('\n');
    expect(exportedValueNames(src)).toEqual(['usersList', 'getThing', 'listUsers', 'declared']);
  });
});

describe('findOperationExport', () => {
  const sources = [
    { file: 'a.ts', text: 'export const getUsers = 1;\nexport function listUsers() {}' },
    { file: 'b.ts', text: 'export function usersList() {}' },
  ];
  const cases: Array<[string, string, string[], { name: string; file: string } | undefined]> = [
    ['operationId match wins over aliases', 'users/list', ['listUsers'], { name: 'usersList', file: 'b.ts' }],
    ['alias when the operationId has no match', 'users.user.ListUser', ['listUsers'], { name: 'listUsers', file: 'a.ts' }],
    ['no match', 'GetCustomers', [], undefined],
  ];
  it.each(cases)('%s', (_, id, aliases, want) => {
    expect(findOperationExport(sources, id, aliases)).toEqual(want);
  });
});
