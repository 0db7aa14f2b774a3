/** The four big real-world specs the benchmark runs on, and the one operation bundled for each. */
import { join } from 'node:path';
import { DIRECTORY_API, ROOT } from './lib/paths.js';

export interface BenchSpec {
  id: string;
  title: string;
  file: string;
  /** The operation whose one-operation bundle is measured: a "list users"-like GET. */
  operation: {
    operationId: string;
    method: string;
    path: string;
    /** Other export names a generator may plausibly give it (compared case- and punctuation-insensitively). */
    aliases: string[];
  };
}

export const BENCH_SPECS: BenchSpec[] = [
  {
    id: 'openai',
    title: 'OpenAI (YAML)',
    file: join(ROOT, 'specs', 'openai.yaml'),
    operation: { operationId: 'list-users', method: 'get', path: '/organization/users', aliases: ['listUsers'] },
  },
  {
    id: 'github',
    title: 'GitHub',
    file: join(DIRECTORY_API, 'github.com', 'api.github.com.json'),
    operation: { operationId: 'users/list', method: 'get', path: '/users', aliases: ['listUsers'] },
  },
  {
    id: 'stripe',
    title: 'Stripe',
    file: join(DIRECTORY_API, 'stripe.com.json'),
    operation: { operationId: 'GetCustomers', method: 'get', path: '/v1/customers', aliases: ['listCustomers'] },
  },
  {
    id: 'graph',
    title: 'Microsoft Graph',
    file: join(DIRECTORY_API, 'microsoft.com', 'graph.json'),
    operation: { operationId: 'users.user.ListUser', method: 'get', path: '/users', aliases: ['listUser', 'listUsers'] },
  },
];
