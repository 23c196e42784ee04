// Tests for the PostgreSQL splitter: exact segment, comment and section ranges for every construct it must survive.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { splitPostgres } from '../../server/src/engine/dialects/pg/split';
import { LineIndex } from '../../server/src/engine/model/text';
import type { SegmentKind } from '../../server/src/engine/model/segment';
import { assertWellFormedSplit } from '../support/split';

type Piece = [SegmentKind, string];

/** Each segment as [kind, the text it covers]. */
function pieces(text: string): Piece[] {
  return splitPostgres(text).segments.map((s): Piece => [s.kind, text.slice(s.range.start, s.range.end)]);
}

/** Each segment as [kind, text, terminated, section]. */
function detailed(text: string): [SegmentKind, string, boolean, number][] {
  return splitPostgres(text).segments.map((s): [SegmentKind, string, boolean, number] => [
    s.kind,
    text.slice(s.range.start, s.range.end),
    s.terminated,
    s.section,
  ]);
}

function commentTexts(text: string): [string, string][] {
  return splitPostgres(text).comments.map((c): [string, string] => [c.style, text.slice(c.range.start, c.range.end)]);
}

describe('splitPostgres: basics', () => {
  it('empty file: no segments, one main section', () => {
    const result = splitPostgres('');
    assert.deepEqual(result.segments, []);
    assert.deepEqual(result.comments, []);
    assert.deepEqual(result.sections, [
      { kind: 'main', tool: undefined, markerRange: undefined, range: { start: 0, end: 0 }, runsInTransaction: undefined },
    ]);
  });

  it('comment-only file: comments but no segments', () => {
    const text = '-- just a note\n/* and a block */\n';
    const result = splitPostgres(text);
    assert.deepEqual(result.segments, []);
    assert.deepEqual(result.comments, [
      { range: { start: 0, end: 14 }, style: 'line' },
      { range: { start: 15, end: 32 }, style: 'block' },
    ]);
    assert.deepEqual(result.sections, [
      {
        kind: 'main',
        tool: undefined,
        markerRange: undefined,
        range: { start: 0, end: text.length },
        runsInTransaction: undefined,
      },
    ]);
  });

  it('exact offsets: leading comments and whitespace are not part of a segment', () => {
    const text = '  -- lead\n  SELECT 1;\n\nSELECT 2 ;  -- trail\n';
    assert.deepEqual(splitPostgres(text).segments, [
      { kind: 'statement', range: { start: 12, end: 21 }, terminated: true, section: 0 },
      { kind: 'statement', range: { start: 23, end: 33 }, terminated: true, section: 0 },
    ]);
  });

  it('empty statements produce no segment', () => {
    assert.deepEqual(pieces(';;'), []);
    assert.deepEqual(pieces(' ; ;; SELECT 1;; ;'), [['statement', 'SELECT 1;']]);
    assert.deepEqual(splitPostgres(';;SELECT 1;').segments[0]?.range, { start: 2, end: 11 });
  });

  it('an unterminated last statement ends at its last token, not at trailing whitespace or comments', () => {
    const text = 'SELECT 1;\nSELECT 2  /* tail */ -- more\n\n';
    assert.deepEqual(detailed(text), [
      ['statement', 'SELECT 1;', true, 0],
      ['statement', 'SELECT 2', false, 0],
    ]);
    assert.deepEqual(splitPostgres(text).segments[1]?.range, { start: 10, end: 18 });
  });
});

describe('splitPostgres: comments', () => {
  it('nested block comments hide `;`', () => {
    const text = 'SELECT 1 /* a /* b; */ still; comment */ + 2; SELECT 3;';
    assert.deepEqual(pieces(text), [
      ['statement', 'SELECT 1 /* a /* b; */ still; comment */ + 2;'],
      ['statement', 'SELECT 3;'],
    ]);
    assert.deepEqual(commentTexts(text), [['block', '/* a /* b; */ still; comment */']]);
  });

  it('line comments hide `;` and end before the line break (CRLF too)', () => {
    const text = 'SELECT 1 -- not; the end\r\n, 2;\r\n-- x;\r\n';
    assert.deepEqual(pieces(text), [['statement', 'SELECT 1 -- not; the end\r\n, 2;']]);
    assert.deepEqual(commentTexts(text), [
      ['line', '-- not; the end'],
      ['line', '-- x;'],
    ]);
    assert.deepEqual(splitPostgres(text).comments[0]?.range, { start: 9, end: 24 });
  });

  it('comments inside statements are listed; comment look-alikes in literals are not', () => {
    const text = [
      "SELECT '-- no', $$ /* no */ $$, \"/*no*/\" /* yes */ -- sqlsight-ignore",
      ';',
      "COPY t FROM stdin;",
      '-- not a comment either',
      '\\.',
      '/* unterminated',
    ].join('\n');
    assert.deepEqual(commentTexts(text), [
      ['block', '/* yes */'],
      ['line', '-- sqlsight-ignore'],
      ['block', '/* unterminated'],
    ]);
  });

  it('an unterminated block comment runs to the end of the file', () => {
    const text = 'SELECT 1; /* open /* nested */ SELECT 2;';
    assert.deepEqual(pieces(text), [['statement', 'SELECT 1;']]);
    assert.deepEqual(splitPostgres(text).comments, [{ range: { start: 10, end: text.length }, style: 'block' }]);
  });
});

describe('splitPostgres: literals', () => {
  it("standard strings double '' and treat backslash as a plain character", () => {
    assert.deepEqual(pieces("SELECT 'it''s; fine'; SELECT 'a\\'; SELECT 2;"), [
      ['statement', "SELECT 'it''s; fine';"],
      ['statement', "SELECT 'a\\';"],
      ['statement', 'SELECT 2;'],
    ]);
  });

  it("E'' strings take backslash escapes", () => {
    assert.deepEqual(pieces("SELECT E'it\\'s;', e'\\\\'; SELECT E'x''y;z'; SELECT 3;"), [
      ['statement', "SELECT E'it\\'s;', e'\\\\';"],
      ['statement', "SELECT E'x''y;z';"],
      ['statement', 'SELECT 3;'],
    ]);
  });

  it("a word ending in e before a quote is not an E'' prefix", () => {
    // `type'a\'` is a typed literal 'a\' (standard string), so the `;` after it ends the statement.
    assert.deepEqual(pieces("SELECT type'a\\'; SELECT 2;"), [
      ['statement', "SELECT type'a\\';"],
      ['statement', 'SELECT 2;'],
    ]);
  });

  it("U&'' strings and U&\"\" identifiers", () => {
    assert.deepEqual(pieces('SELECT U&\'d\\0061t;a\', U&"a;b"; SELECT 2;'), [
      ['statement', 'SELECT U&\'d\\0061t;a\', U&"a;b";'],
      ['statement', 'SELECT 2;'],
    ]);
  });

  it('quoted identifiers hide `;` and double ""', () => {
    assert.deepEqual(pieces('CREATE TABLE "a;b" ("x"";y" int); SELECT 1;'), [
      ['statement', 'CREATE TABLE "a;b" ("x"";y" int);'],
      ['statement', 'SELECT 1;'],
    ]);
  });

  it('dollar quotes: tags, a different tag inside, `;` inside', () => {
    const text = [
      'CREATE FUNCTION f() RETURNS text LANGUAGE plpgsql AS $fn$',
      'BEGIN',
      "  RETURN $$a;b$$ || $x$;$x$ || ';';",
      'END;',
      '$fn$;',
      'SELECT $_t1$;$_t1$;',
    ].join('\n');
    const result = pieces(text);
    assert.equal(result.length, 2);
    assert.deepEqual(result[0], ['statement', text.slice(0, text.indexOf('$fn$;') + 5)]);
    assert.deepEqual(result[1], ['statement', 'SELECT $_t1$;$_t1$;']);
  });

  it('$1 is a parameter and a$b$ an identifier, neither opens a dollar quote', () => {
    assert.deepEqual(pieces('SELECT $1; SELECT a$b$c, $2; SELECT $%X%$;'), [
      ['statement', 'SELECT $1;'],
      ['statement', 'SELECT a$b$c, $2;'],
      ['template', 'SELECT $%X%$;'],
    ]);
  });

  it('DO block', () => {
    const text = "DO $$\nBEGIN\n  PERFORM 1;\n  RAISE NOTICE 'x;';\nEND\n$$;\nSELECT 1;";
    assert.deepEqual(pieces(text), [
      ['statement', "DO $$\nBEGIN\n  PERFORM 1;\n  RAISE NOTICE 'x;';\nEND\n$$;"],
      ['statement', 'SELECT 1;'],
    ]);
  });

  it('unterminated literals run to the end of the file, unterminated', () => {
    assert.deepEqual(detailed("SELECT 1;\nSELECT 'abc;\n"), [
      ['statement', 'SELECT 1;', true, 0],
      ['statement', "SELECT 'abc;\n", false, 0],
    ]);
    assert.deepEqual(detailed('SELECT $$ open;'), [['statement', 'SELECT $$ open;', false, 0]]);
    assert.deepEqual(detailed('SELECT "open;'), [['statement', 'SELECT "open;', false, 0]]);
    assert.deepEqual(detailed("SELECT E'open\\'"), [['statement', "SELECT E'open\\'", false, 0]]);
  });
});

describe('splitPostgres: SQL-standard function bodies', () => {
  it('BEGIN ATOMIC … END keeps inner statements and CASE … END together', () => {
    const text = [
      'CREATE OR REPLACE FUNCTION f(a int) RETURNS int',
      'LANGUAGE sql',
      'BEGIN ATOMIC',
      '  INSERT INTO log VALUES (a);',
      '  SELECT CASE WHEN a > 0 THEN 1 ELSE 0 END;',
      'END;',
      'SELECT 2;',
    ].join('\n');
    const body = text.slice(0, text.lastIndexOf('END;') + 4);
    assert.deepEqual(pieces(text), [
      ['statement', body],
      ['statement', 'SELECT 2;'],
    ]);
    assert.deepEqual(splitPostgres(text).segments[0]?.range, { start: 0, end: body.length });
  });

  it('procedures too, in any case', () => {
    const text = 'create procedure p() begin atomic select 1; select 2; end; call p();';
    assert.deepEqual(pieces(text), [
      ['statement', 'create procedure p() begin atomic select 1; select 2; end;'],
      ['statement', 'call p();'],
    ]);
  });

  it('a top-level BEGIN is a transaction statement', () => {
    const text = 'BEGIN;\nCREATE TABLE t (id int);\nCOMMIT;\nBEGIN ATOMIC;';
    assert.deepEqual(pieces(text), [
      ['statement', 'BEGIN;'],
      ['statement', 'CREATE TABLE t (id int);'],
      ['statement', 'COMMIT;'],
      ['statement', 'BEGIN ATOMIC;'],
    ]);
  });

  it('BEGIN without ATOMIC in a function head does not open a body', () => {
    const text = 'CREATE FUNCTION begin() RETURNS int LANGUAGE sql RETURN 1; SELECT begin();';
    assert.deepEqual(pieces(text), [
      ['statement', 'CREATE FUNCTION begin() RETURNS int LANGUAGE sql RETURN 1;'],
      ['statement', 'SELECT begin();'],
    ]);
  });

  it('CASE … END outside a body does not count', () => {
    const text = 'CREATE FUNCTION g(x int) RETURNS int LANGUAGE sql RETURN CASE WHEN x > 0 THEN 1 END; SELECT 1;';
    assert.equal(pieces(text).length, 2);
  });

  it('routine and COPY statements (lexed word by word) see the same literals', () => {
    const text = [
      "CREATE FUNCTION a$b$c() RETURNS text LANGUAGE sql AS E'SELECT \\'a;b\\'';",
      "CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC SELECT 'end;', \"end;\", $x$end;$x$ /* end; */; END;",
      'COPY "x;y" FROM stdin; -- c',
      '\\.',
      'SELECT 2;',
    ].join('\n');
    assert.deepEqual(pieces(text), [
      ['statement', "CREATE FUNCTION a$b$c() RETURNS text LANGUAGE sql AS E'SELECT \\'a;b\\'';"],
      ['statement', "CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC SELECT 'end;', \"end;\", $x$end;$x$ /* end; */; END;"],
      ['statement', 'COPY "x;y" FROM stdin;'],
      ['copy-data', '\\.'],
      ['statement', 'SELECT 2;'],
    ]);
  });

  it("a multi-action rule's parenthesised `;` does not split (as in psql)", () => {
    const text = 'CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)); SELECT 1;';
    assert.deepEqual(pieces(text), [
      ['statement', 'CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2));'],
      ['statement', 'SELECT 1;'],
    ]);
  });
});

describe('splitPostgres: psql meta-commands and variables', () => {
  it('meta-commands at statement start run to the end of the line', () => {
    const text = '\\set ON_ERROR_STOP on\r\n\\ir other.sql\n\\if :is_on\n  SELECT 1;\n\\endif\n\\connect db';
    assert.deepEqual(detailed(text), [
      ['meta-command', '\\set ON_ERROR_STOP on', true, 0],
      ['meta-command', '\\ir other.sql', true, 0],
      ['meta-command', '\\if :is_on', true, 0],
      ['statement', 'SELECT 1;', true, 0],
      ['meta-command', '\\endif', true, 0],
      ['meta-command', '\\connect db', true, 0],
    ]);
    assert.deepEqual(splitPostgres(text).segments[0]?.range, { start: 0, end: 21 });
  });

  it('a backslash mid-statement ends it: SELECT 1 \\gset', () => {
    const text = "SELECT 1 AS one /* c */ \\gset\nSELECT 'x' \\g out.txt\nSELECT 2;";
    assert.deepEqual(detailed(text), [
      ['statement', 'SELECT 1 AS one', true, 0],
      ['meta-command', '\\gset', true, 0],
      ['statement', "SELECT 'x'", true, 0],
      ['meta-command', '\\g out.txt', true, 0],
      ['statement', 'SELECT 2;', true, 0],
    ]);
    const segments = splitPostgres(text).segments;
    assert.deepEqual(segments[0]?.range, { start: 0, end: 15 });
    assert.deepEqual(segments[1]?.range, { start: 24, end: 29 });
  });

  it('a backslash inside literals and comments is not a meta-command', () => {
    assert.deepEqual(pieces("SELECT '\\x', E'\\\\', $$\\$$ /* \\q */ -- \\q\n;"), [
      ['statement', "SELECT '\\x', E'\\\\', $$\\$$ /* \\q */ -- \\q\n;"],
    ]);
  });

  it("interpolation :'name', :\"name\" and :name (after \\set) make template statements", () => {
    const text = [
      '\\set tbl users',
      'SELECT * FROM :tbl;',
      "SELECT :'name';",
      'GRANT r TO :"PGUSER";',
      'SELECT :unset_var;',
      'SELECT a::text, b[1:2], c[1:tbl2];',
      "SELECT ':tbl', $$:tbl$$ /* :tbl */;",
    ].join('\n');
    assert.deepEqual(pieces(text), [
      ['meta-command', '\\set tbl users'],
      ['template', 'SELECT * FROM :tbl;'],
      ['template', "SELECT :'name';"],
      ['template', 'GRANT r TO :"PGUSER";'],
      ['statement', 'SELECT :unset_var;'],
      ['statement', 'SELECT a::text, b[1:2], c[1:tbl2];'],
      ['statement', "SELECT ':tbl', $$:tbl$$ /* :tbl */;"],
    ]);
  });

  it('a variable only counts after its \\set, and not after \\unset', () => {
    const text = 'SELECT :v;\n\\set v 1\nSELECT :v;\n\\unset v\nSELECT :v;';
    assert.deepEqual(
      pieces(text).map(([kind]) => kind),
      ['statement', 'meta-command', 'template', 'meta-command', 'statement'],
    );
  });
});

describe('splitPostgres: COPY … FROM stdin', () => {
  it('inline rows with `;`, quotes, $$ and backslashes are one copy-data segment', () => {
    const text = "COPY t (a, b) FROM stdin;\n1\tit's; fine\n2\t$$ \\N\n\\.\nSELECT 1;\n";
    assert.deepEqual(detailed(text), [
      ['statement', 'COPY t (a, b) FROM stdin;', true, 0],
      ['copy-data', "1\tit's; fine\n2\t$$ \\N\n\\.", true, 0],
      ['statement', 'SELECT 1;', true, 0],
    ]);
    assert.deepEqual(splitPostgres(text).segments[1]?.range, { start: 26, end: 49 });
  });

  it('FROM STDIN WITH (…), WITH CSV, and a comment after the `;`', () => {
    const text = [
      'copy t from STDIN with (format csv); -- rows follow',
      'a,"b;c"',
      '\\.  ',
      'COPY u FROM stdin WITH CSV;',
      '\\.',
      'SELECT 2;',
    ].join('\n');
    assert.deepEqual(pieces(text), [
      ['statement', 'copy t from STDIN with (format csv);'],
      ['copy-data', 'a,"b;c"\n\\.'],
      ['statement', 'COPY u FROM stdin WITH CSV;'],
      ['copy-data', '\\.'],
      ['statement', 'SELECT 2;'],
    ]);
    assert.deepEqual(commentTexts(text), [['line', '-- rows follow']]);
  });

  it('CRLF rows and terminator', () => {
    const text = 'COPY t FROM stdin;\r\n1\r\n2\r\n\\.\r\nSELECT 1;\r\n';
    assert.deepEqual(pieces(text), [
      ['statement', 'COPY t FROM stdin;'],
      ['copy-data', '1\r\n2\r\n\\.'],
      ['statement', 'SELECT 1;'],
    ]);
    assert.deepEqual(splitPostgres(text).segments[1]?.range, { start: 20, end: 28 });
  });

  it('without a \\. line the rows run to the end of the file', () => {
    assert.deepEqual(detailed('COPY t FROM stdin;\n1;2\nSELECT 1;\n'), [
      ['statement', 'COPY t FROM stdin;', true, 0],
      ['copy-data', '1;2\nSELECT 1;', false, 0],
    ]);
  });

  it('\\. must be alone on its line; a \\. inside a row does not end the data', () => {
    assert.deepEqual(pieces('COPY t FROM stdin;\na\\.b\n \\.\n\\.\nSELECT 1;'), [
      ['statement', 'COPY t FROM stdin;'],
      ['copy-data', 'a\\.b\n \\.\n\\.'],
      ['statement', 'SELECT 1;'],
    ]);
  });

  it('COPY from a file, to stdout, or a table called stdin has no inline data', () => {
    const text = "COPY t FROM '/tmp/x';\nCOPY t TO STDOUT;\nCOPY (SELECT * FROM stdin) TO STDOUT;\nSELECT 1;";
    assert.deepEqual(
      pieces(text).map(([kind]) => kind),
      ['statement', 'statement', 'statement', 'statement'],
    );
  });

  it('\\copy … from stdin is followed by inline rows too', () => {
    assert.deepEqual(pieces('\\copy t from stdin\n1\n\\.\nSELECT 1;'), [
      ['meta-command', '\\copy t from stdin'],
      ['copy-data', '1\n\\.'],
      ['statement', 'SELECT 1;'],
    ]);
  });
});

describe('splitPostgres: templates', () => {
  it('a template statement between two normal ones', () => {
    const text = 'SELECT 1;\nALTER TABLE {{ index .Options "Namespace" }}.users ADD c int;\nSELECT 2;';
    assert.deepEqual(detailed(text), [
      ['statement', 'SELECT 1;', true, 0],
      ['template', 'ALTER TABLE {{ index .Options "Namespace" }}.users ADD c int;', true, 0],
      ['statement', 'SELECT 2;', true, 0],
    ]);
    assert.deepEqual(splitPostgres(text).segments[1]?.range, { start: 10, end: 71 });
  });

  it('never splits inside {{ … }} and does not lex quotes there', () => {
    assert.deepEqual(pieces(`SELECT {{ "a;b" | printf "'%s;" }} FROM t; SELECT 2;`), [
      ['template', `SELECT {{ "a;b" | printf "'%s;" }} FROM t;`],
      ['statement', 'SELECT 2;'],
    ]);
  });

  it('{% … %}, %PLACEHOLDER% and a template inside a quoted identifier', () => {
    const text = [
      '{% if x %}SELECT 1;',
      'CREATE TABLE %TABLE_PREFIX%users (id int);',
      'SELECT 7 % 2, 5 %3;',
      'ALTER TABLE "{{ index .Options "Namespace" }}".t ADD c int;',
      'SELECT 3;',
    ].join('\n');
    assert.deepEqual(pieces(text), [
      ['template', '{% if x %}SELECT 1;'],
      ['template', 'CREATE TABLE %TABLE_PREFIX%users (id int);'],
      ['statement', 'SELECT 7 % 2, 5 %3;'],
      ['template', 'ALTER TABLE "{{ index .Options "Namespace" }}".t ADD c int;'],
      ['statement', 'SELECT 3;'],
    ]);
  });

  it('template look-alikes in literals and comments do not count', () => {
    const text = "SELECT '{{1,2},{3,4}}', '%X%' /* {{ x }} */; DO $$ BEGIN PERFORM '{{ .Y }}'; END $$;";
    assert.deepEqual(
      pieces(text).map(([kind]) => kind),
      ['statement', 'statement'],
    );
  });

  it('an unterminated {{ runs to the end of the file', () => {
    assert.deepEqual(detailed('SELECT {{ oops; SELECT 2;'), [['template', 'SELECT {{ oops; SELECT 2;', false, 0]]);
  });
});

describe('splitPostgres: migration-tool sections', () => {
  it('dbmate up/down with transaction:false', () => {
    const text = [
      '-- migrate:up transaction:false',
      'CREATE INDEX CONCURRENTLY i ON t (a);',
      '',
      '-- migrate:down',
      'DROP INDEX i',
      '',
    ].join('\n');
    const result = splitPostgres(text);
    assert.deepEqual(result.sections, [
      {
        kind: 'up',
        tool: 'dbmate',
        markerRange: { start: 0, end: 31 },
        range: { start: 0, end: 71 },
        runsInTransaction: false,
      },
      {
        kind: 'down',
        tool: 'dbmate',
        markerRange: { start: 71, end: 86 },
        range: { start: 71, end: text.length },
        runsInTransaction: undefined,
      },
    ]);
    assert.deepEqual(detailed(text), [
      ['statement', 'CREATE INDEX CONCURRENTLY i ON t (a);', true, 0],
      ['statement', 'DROP INDEX i', false, 1],
    ]);
    assert.deepEqual(commentTexts(text), [
      ['line', '-- migrate:up transaction:false'],
      ['line', '-- migrate:down'],
    ]);
  });

  it('a marker ends an unterminated statement; a statement never spans sections', () => {
    const text = "-- migrate:up\nSELECT 1\n-- migrate:down\nSELECT 'open\n";
    assert.deepEqual(detailed(text), [
      ['statement', 'SELECT 1', false, 0],
      ['statement', "SELECT 'open\n", false, 1],
    ]);
  });

  it('markers split even inside an unterminated literal (the tools split files textually)', () => {
    const text = "-- migrate:up\nSELECT 'open;\n-- migrate:down\nSELECT 2;";
    assert.deepEqual(detailed(text), [
      ['statement', "SELECT 'open;\n", false, 0],
      ['statement', 'SELECT 2;', true, 1],
    ]);
  });

  it('text before the first marker is a main section only when it holds a segment', () => {
    const withStatement = 'SET x = 1;\n-- migrate:up\nSELECT 1;\n';
    const result = splitPostgres(withStatement);
    assert.deepEqual(
      result.sections.map((s) => [s.kind, s.tool, s.range.start, s.range.end]),
      [
        ['main', undefined, 0, 11],
        ['up', 'dbmate', 11, withStatement.length],
      ],
    );
    assert.deepEqual(
      result.segments.map((s) => s.section),
      [0, 1],
    );

    const onlyComments = '-- header\n\n-- migrate:up\nSELECT 1;\n';
    const result2 = splitPostgres(onlyComments);
    assert.deepEqual(
      result2.sections.map((s) => s.kind),
      ['up'],
    );
    assert.equal(result2.segments[0]?.section, 0);
    assert.deepEqual(commentTexts(onlyComments)[0], ['line', '-- header']);
  });

  it('goose Up/Down with NO TRANSACTION; StatementBegin/End are plain comments', () => {
    const text = [
      '-- +goose NO TRANSACTION',
      '-- +goose Up',
      '-- +goose StatementBegin',
      'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;',
      '-- +goose StatementEnd',
      'CREATE INDEX CONCURRENTLY i ON t (a);',
      '',
      '-- +goose Down',
      'DROP INDEX CONCURRENTLY i;',
    ].join('\n');
    const result = splitPostgres(text);
    const upMarker = text.indexOf('-- +goose Up');
    const downMarker = text.indexOf('-- +goose Down');
    assert.deepEqual(result.sections, [
      {
        kind: 'up',
        tool: 'goose',
        markerRange: { start: upMarker, end: upMarker + 12 },
        range: { start: upMarker, end: downMarker },
        runsInTransaction: false,
      },
      {
        kind: 'down',
        tool: 'goose',
        markerRange: { start: downMarker, end: downMarker + 14 },
        range: { start: downMarker, end: text.length },
        runsInTransaction: false,
      },
    ]);
    assert.deepEqual(detailed(text), [
      ['statement', 'CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;', true, 0],
      ['statement', 'CREATE INDEX CONCURRENTLY i ON t (a);', true, 0],
      ['statement', 'DROP INDEX CONCURRENTLY i;', true, 1],
    ]);
    assert.equal(result.comments.length, 5);
  });

  it('goose without NO TRANSACTION leaves the default; markers must be alone on their line', () => {
    const text = '-- +goose up\nSELECT 1; -- +goose Down\n  -- +goose Down\nSELECT 2;';
    const result = splitPostgres(text);
    assert.deepEqual(
      result.sections.map((s) => [s.kind, s.tool, s.runsInTransaction]),
      [
        ['up', 'goose', undefined],
        ['down', 'goose', undefined],
      ],
    );
    assert.equal(result.sections[1]?.markerRange?.start, text.indexOf('-- +goose Down\nSELECT 2'));
  });

  it('CRLF markers exclude the line break', () => {
    const text = '-- migrate:up\r\nSELECT 1;\r\n-- migrate:down\r\nSELECT 2;\r\n';
    const result = splitPostgres(text);
    assert.deepEqual(result.sections[0]?.markerRange, { start: 0, end: 13 });
    assert.deepEqual(result.sections[1]?.markerRange, { start: 26, end: 41 });
    assert.deepEqual(detailed(text), [
      ['statement', 'SELECT 1;', true, 0],
      ['statement', 'SELECT 2;', true, 1],
    ]);
  });
});

describe('splitPostgres: encodings and positions', () => {
  it('CRLF file: offsets and line/column', () => {
    const text = 'SELECT 1;\r\n\r\nCREATE TABLE t (\r\n  id int\r\n);\r\nSELECT 2';
    const result = splitPostgres(text);
    assert.deepEqual(
      result.segments.map((s) => s.range),
      [
        { start: 0, end: 9 },
        { start: 13, end: 43 },
        { start: 45, end: 53 },
      ],
    );
    const lines = new LineIndex(text);
    const second = result.segments[1];
    const third = result.segments[2];
    assert.ok(second !== undefined && third !== undefined);
    assert.deepEqual(lines.positionAt(second.range.start), { line: 2, column: 0 });
    assert.deepEqual(lines.positionAt(second.range.end), { line: 4, column: 2 });
    assert.deepEqual(lines.positionAt(third.range.start), { line: 5, column: 0 });
    assert.equal(third.terminated, false);
  });

  it('BOM: skipped, but offsets still index the original string', () => {
    const text = '\uFEFFSELECT 1;\nSELECT 2;';
    const result = splitPostgres(text);
    assert.deepEqual(
      result.segments.map((s) => s.range),
      [
        { start: 1, end: 10 },
        { start: 11, end: 20 },
      ],
    );
    assert.deepEqual(result.sections[0]?.range, { start: 0, end: text.length });
    assert.deepEqual(pieces('\uFEFF-- migrate:up\nSELECT 1;'), [['statement', 'SELECT 1;']]);
    // The BOM is not a name character for the lookbehinds of E'' and $$.
    assert.deepEqual(pieces("\uFEFF$$;$$; SELECT 1;"), [['statement', '$$;$$;'], ['statement', 'SELECT 1;']]);
    assert.deepEqual(pieces("\uFEFFE'\\';'; SELECT 1;"), [['statement', "E'\\';';"], ['statement', 'SELECT 1;']]);
    assert.deepEqual(splitPostgres('\uFEFF-- migrate:up\nSELECT 1;').sections[0]?.markerRange, { start: 1, end: 14 });
  });

  it('multi-byte characters: UTF-16 ranges, line/column and UTF-8 byte offsets', () => {
    const text = "SELECT 'é';\nSELECT '😀' AS \"ü\"; SELECT 3;\n";
    const result = splitPostgres(text);
    assert.deepEqual(
      result.segments.map((s) => s.range),
      [
        { start: 0, end: 11 },
        { start: 12, end: 31 },
        { start: 32, end: 41 },
      ],
    );
    const lines = new LineIndex(text);
    const last = result.segments[2];
    assert.ok(last !== undefined);
    assert.deepEqual(lines.positionAt(last.range.start), { line: 1, column: 20 });
    // 'é' is 2 bytes (1 extra), '😀' is 4 bytes for 2 UTF-16 units (2 extra), 'ü' 2 bytes (1 extra).
    assert.equal(lines.byteOffsetAt(result.segments[1]?.range.start ?? -1), 13);
    assert.equal(lines.byteOffsetAt(last.range.start), 36);
    assert.equal(lines.byteOffsetAt(last.range.end), 45);
    assert.equal(Buffer.byteLength(text.slice(0, last.range.start), 'utf8'), 36);
  });

  it('non-ASCII identifiers and tags', () => {
    assert.deepEqual(pieces('SELECT çà$é$ AS x; SELECT $é$;$é$;'), [
      ['statement', 'SELECT çà$é$ AS x;'],
      ['statement', 'SELECT $é$;$é$;'],
    ]);
  });
});

describe('splitPostgres: robustness', () => {
  it('never throws on junk and keeps its invariants', () => {
    const alphabet = [
      ';', "'", '"', '$', '$$', '$a$', '--', '/*', '*/', '\\', '\\.', '\n', '\r\n', ' ', 'E', "E'", 'U&', '{{', '}}',
      '{%', '%}', '%X%', ':', '::', ":'v'", '(', ')', 'BEGIN', 'ATOMIC', 'END', 'CASE', 'CREATE', 'FUNCTION',
      'COPY', 'FROM', 'STDIN', '\\set v 1\n', '-- migrate:up\n', '-- +goose Down\n', '\u0000', '\uFEFF', '\uD83D',
      'é', 'x', '1',
    ];
    let seed = 12345;
    const random = (): number => {
      // Deterministic LCG so a failure reproduces.
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 2000; round++) {
      let text = '';
      const length = Math.floor(random() * 40);
      for (let k = 0; k < length; k++) text += alphabet[Math.floor(random() * alphabet.length)] ?? '';
      const result = splitPostgres(text);
      assertWellFormedSplit(text, result);
    }
  });

  it('binary bytes decoded as text', () => {
    const bytes = new Uint8Array(4096);
    for (let k = 0; k < bytes.length; k++) bytes[k] = (k * 7919 + 13) % 256;
    const text = new TextDecoder().decode(bytes);
    assertWellFormedSplit(text, splitPostgres(text));
  });
});
