import type { ApiIR } from '../ir/types.js';
import type { Names } from '../naming/names.js';
import type { ModelView } from './models.js';
import type { OperationView } from './operations.js';
import type { TypeContext } from './type-expr.js';

export interface DocsInput {
  ir: ApiIR;
  names: Names;
  operations: OperationView[];
  models: ModelView[];
  packageName: string;
  version: string;
  ctx: TypeContext;
}

export function renderDocs(input: DocsInput): Map<string, string> {
  void input;
  return new Map();
}
