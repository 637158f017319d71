import { afterAll } from 'vitest';
import { removeTempFolders } from '../support/temp-folders.ts';

// Set-up for each test file of every project: the temp folders its helpers made go when it ends.
afterAll(removeTempFolders);
