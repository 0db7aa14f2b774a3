/** `generated/arthur` builds, packs, passes publint and attw, installs and runs in a consumer project. */
import { arthur, publishSuite } from './publish-suite.js';

publishSuite(arthur);
