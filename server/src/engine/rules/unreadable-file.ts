// unreadable-file: reported when a file is binary, not UTF-8 or over the size limit; metadata and docs here.
import { defineRule } from './lib/rule';

export const unreadableFile = defineRule({
  meta: {
    id: 'unreadable-file',
    title: 'File is not analysable text',
    category: 'parsing',
    severity: 'warning',
    dialects: ['postgres', 'mysql', 'mariadb'],
    aliases: {},
    fix: undefined,
    docs: {
      why: 'A binary file, a file in another encoding than UTF-8, or a file over the size limit (`maxFileSizeMb`, default 10 MB) is not analysed. It is reported so nothing is skipped silently; every other file is still checked.',
      safeWay: 'Save SQL as UTF-8; exclude generated dumps with `ignore` in sqlsight.json, or raise `maxFileSizeMb`.',
      bad: '',
      good: 'SELECT 1;',
    },
  },
  check() {},
});
