// The CLI's name, version and home page, read from package.json at build time (esbuild inlines the
// two fields used), so `--version` and SARIF never drift from the published package.
import { repository, version } from '../../../package.json';

export const toolName = 'sqlsight';
export const toolVersion: string = version;

/** The project page: package.json's repository without the `git+` prefix and `.git` suffix. */
export const informationUri: string = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
