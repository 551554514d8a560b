import { join } from 'node:path';
import { runCaseFolder } from './conformance.test';

runCaseFolder(join(__dirname, '../../../test/python/cases'), 'HeapScope cases (recorded from CPython)');
