/** `generated/openai-admin` builds, packs, passes publint and attw, installs and runs in a consumer project. */
import { openaiAdmin, publishSuite } from './publish-suite.js';

publishSuite(openaiAdmin);
