// Tests for the MySQL/MariaDB lexer: token kinds, texts, unescaped values and exact ranges for every literal form,
// comment rule and executable-comment version, as the MySQL 8 and MariaDB manuals define them.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { tokenizeMysql, type MysqlLexOptions, type MysqlTokenKind } from '../../server/src/engine/dialects/mysql/lexer';

const mysql80: MysqlLexOptions = { dialect: 'mysql', version: { major: 8, minor: 0, patch: 30 } };
const mysql57: MysqlLexOptions = { dialect: 'mysql', version: { major: 5, minor: 7, patch: 44 } };
const mariadb1011: MysqlLexOptions = { dialect: 'mariadb', version: { major: 10, minor: 11, patch: 0 } };
const mariadb103: MysqlLexOptions = { dialect: 'mariadb', version: { major: 10, minor: 3, patch: 0 } };

/** Each token of the whole text as [kind, text]. */
function kinds(text: string, options: MysqlLexOptions = mysql80): [MysqlTokenKind, string][] {
  return tokenizeMysql(text, { start: 0, end: text.length }, options).map((t): [MysqlTokenKind, string] => [t.kind, t.text]);
}

/** The token texts only. */
function texts(text: string, options: MysqlLexOptions = mysql80): string[] {
  return tokenizeMysql(text, { start: 0, end: text.length }, options).map((t) => t.text);
}

function values(text: string): string[] {
  return tokenizeMysql(text, { start: 0, end: text.length }, mysql80).map((t) => t.value);
}

describe('tokenizeMysql: words, keywords and ranges', () => {
  it('words keep their spelling, upper-case their keyword, and carry file offsets within the range', () => {
    const text = 'xx; select Foo from t; yy';
    const tokens = tokenizeMysql(text, { start: 4, end: 22 }, mysql80);
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.text, t.value, t.keyword, t.range.start, t.range.end]),
      [
        ['word', 'select', 'select', 'SELECT', 4, 10],
        ['word', 'Foo', 'Foo', 'FOO', 11, 14],
        ['word', 'from', 'from', 'FROM', 15, 19],
        ['word', 't', 't', 'T', 20, 21],
        ['punctuation', ';', ';', '', 21, 22],
      ],
    );
  });

  it('empty input and an empty range give no tokens', () => {
    assert.deepEqual(kinds(''), []);
    assert.deepEqual(tokenizeMysql('SELECT 1', { start: 3, end: 3 }, mysql80), []);
    assert.deepEqual(tokenizeMysql('SELECT 1', { start: 3, end: 99 }, mysql80).map((t) => t.text), ['ECT', '1']);
  });

  it('names may hold `$` and non-ASCII letters and may start with digits; `1e10` stays a number', () => {
    assert.deepEqual(kinds('a$b été 1a 12_x 1e10 1ea'), [
      ['word', 'a$b'],
      ['word', 'été'],
      ['word', '1a'],
      ['word', '12_x'],
      ['number', '1e10'],
      ['word', '1ea'],
    ]);
  });

  it('backticks quote identifiers; a doubled backtick is one, and `;` inside is part of the name', () => {
    const tokens = tokenizeMysql('`a``b;c`.`x`', { start: 0, end: 12 }, mysql80);
    assert.deepEqual(
      tokens.map((t) => [t.kind, t.text, t.value, t.keyword]),
      [
        ['quoted-identifier', '`a``b;c`', 'a`b;c', ''],
        ['punctuation', '.', '.', ''],
        ['quoted-identifier', '`x`', 'x', ''],
      ],
    );
  });
});

describe('tokenizeMysql: literals', () => {
  it("strings in single and double quotes, with backslash escapes and doubled quotes", () => {
    const text = String.raw`'it''s' "a;b" 'x\'y' "q\"q" 'n\nl' '\%\_' 'tab\tz\Z' '\\'`;
    assert.deepEqual(kinds(text).map(([kind]) => kind), Array(8).fill('string'));
    assert.deepEqual(values(text), ["it's", 'a;b', "x'y", 'q"q', 'n\nl', '\\%\\_', 'tab\tz\x1a', '\\']);
  });

  it('introducers and hex/bit literals are one string token; 0x and 0b forms are numbers', () => {
    const text = "_utf8mb4'x' _binary\"y\" N'n' n'm' X'0A' x'ff' b'01' B'1' 0x0A 0b01 0xZZ";
    assert.deepEqual(kinds(text), [
      ['string', "_utf8mb4'x'"],
      ['string', '_binary"y"'],
      ['string', "N'n'"],
      ['string', "n'm'"],
      ['string', "X'0A'"],
      ['string', "x'ff'"],
      ['string', "b'01'"],
      ['string', "B'1'"],
      ['number', '0x0A'],
      ['number', '0b01'],
      ['word', '0xZZ'],
    ]);
    assert.deepEqual(values(text).slice(0, 8), ['x', 'y', 'n', 'm', '0A', 'ff', '01', '1']);
  });

  it('numbers: integers, decimals, leading dot, exponents; a dot after a name qualifies it', () => {
    assert.deepEqual(kinds('1 1.5 .5 1. 1e10 1.5E-3 2e+4 t.5x'), [
      ['number', '1'],
      ['number', '1.5'],
      ['number', '.5'],
      ['number', '1.'],
      ['number', '1e10'],
      ['number', '1.5E-3'],
      ['number', '2e+4'],
      ['word', 't'],
      ['punctuation', '.'],
      ['word', '5x'],
    ]);
  });

  it('variables: user, quoted, system with scope; `@` after a user name separates the host', () => {
    assert.deepEqual(kinds("@x @a.b_c @'q x' @`b` @@sql_mode @@session.time_zone @@GLOBAL.x"), [
      ['variable', '@x'],
      ['variable', '@a.b_c'],
      ['variable', "@'q x'"],
      ['variable', '@`b`'],
      ['variable', '@@sql_mode'],
      ['variable', '@@session.time_zone'],
      ['variable', '@@GLOBAL.x'],
    ]);
    assert.deepEqual(kinds("DEFINER='root'@'%' `u`@`h` root@localhost"), [
      ['word', 'DEFINER'],
      ['operator', '='],
      ['string', "'root'"],
      ['punctuation', '@'],
      ['string', "'%'"],
      ['quoted-identifier', '`u`'],
      ['punctuation', '@'],
      ['quoted-identifier', '`h`'],
      ['word', 'root'],
      ['punctuation', '@'],
      ['word', 'localhost'],
    ]);
  });

  it('operators take the longest match; `?` is a placeholder', () => {
    assert.deepEqual(texts('a:=1<=>b>=c<=d<>e!=f||g&&h->i->>j<<k>>l=?'), [
      'a', ':=', '1', '<=>', 'b', '>=', 'c', '<=', 'd', '<>', 'e', '!=', 'f', '||', 'g', '&&', 'h', '->', 'i', '->>',
      'j', '<<', 'k', '>>', 'l', '=', '?',
    ]);
    assert.deepEqual(kinds('(a,b);'), [
      ['punctuation', '('],
      ['word', 'a'],
      ['punctuation', ','],
      ['word', 'b'],
      ['punctuation', ')'],
      ['punctuation', ';'],
    ]);
    assert.equal(tokenizeMysql('?', { start: 0, end: 1 }, mysql80)[0]?.kind, 'placeholder');
  });

  it('template placeholders: %NAME%, {{ … }}, {% … %}, ${name}; `%` alone is modulo', () => {
    assert.deepEqual(kinds("%TABLE_PREFIX%t {{ .Table }} {% if x %} ${schema} a % b %lower% '%Y%'"), [
      ['placeholder', '%TABLE_PREFIX%'],
      ['word', 't'],
      ['placeholder', '{{ .Table }}'],
      ['placeholder', '{% if x %}'],
      ['placeholder', '${schema}'],
      ['word', 'a'],
      ['operator', '%'],
      ['word', 'b'],
      ['operator', '%'],
      ['word', 'lower'],
      ['operator', '%'],
      ['string', "'%Y%'"],
    ]);
  });
});

describe('tokenizeMysql: comments', () => {
  it('`-- ` needs whitespace or a control character after it (or the end); `--x` is two minus signs', () => {
    assert.deepEqual(texts('a -- c\nb --\tc\nd --x\ne --'), ['a', 'b', 'd', '-', '-', 'x', 'e']);
    assert.deepEqual(texts('1--1'), ['1', '-', '-', '1']);
    assert.deepEqual(texts('a --\r\nb'), ['a', 'b']);
  });

  it('`#` comments run to the end of the line; block comments do not nest', () => {
    // The stray `*/` after `e` is taken for the close of an executed comment, so it vanishes too.
    assert.deepEqual(texts('a # b; c\nd /* x /* y */ e */'), ['a', 'd', 'e']);
    assert.deepEqual(texts("'#not' \"/*not*/\" `--  not`"), ["'#not'", '"/*not*/"', '`--  not`']);
  });

  it('unterminated strings, identifiers and comments run to the end of the range without throwing', () => {
    assert.deepEqual(
      tokenizeMysql("SELECT 'abc", { start: 0, end: 11 }, mysql80).map((t) => [t.kind, t.value, t.range.end]),
      [
        ['word', 'SELECT', 6],
        ['string', 'abc', 11],
      ],
    );
    // A backslash with nothing after it to escape is kept.
    assert.deepEqual(values("'ab\\"), ['ab\\']);
    assert.deepEqual(values("'it''"), ["it'"]);
    assert.deepEqual(values('`a``'), ['a`']);
    assert.deepEqual(kinds('SELECT `abc'), [
      ['word', 'SELECT'],
      ['quoted-identifier', '`abc'],
    ]);
    assert.deepEqual(texts('SELECT /* open'), ['SELECT']);
    assert.deepEqual(texts("x 'a' 'b"), ['x', "'a'", "'b"]);
    // The range ends the token even when the string closes later in the file.
    assert.deepEqual(tokenizeMysql("'abc' d", { start: 0, end: 3 }, mysql80).map((t) => t.text), ["'ab"]);
  });
});

describe('tokenizeMysql: executable comments', () => {
  it('`/*! … */` without a version runs on every server: its content is SQL, its markers vanish', () => {
    for (const options of [mysql57, mysql80, mariadb1011]) {
      assert.deepEqual(
        tokenizeMysql('/*!40101 SET NAMES utf8 */;', { start: 0, end: 27 }, options).map((t) => [t.text, t.range.start]),
        [
          ['SET', 9],
          ['NAMES', 13],
          ['utf8', 19],
          [';', 26],
        ],
      );
      assert.deepEqual(texts('a /*! STRAIGHT_JOIN */ b', options), ['a', 'STRAIGHT_JOIN', 'b']);
    }
  });

  it('five-digit versions are MySQL versions Mmmpp, compared with the configured MySQL', () => {
    const text = 'a /*!50100 p */ /*!50717 q */ /*!80013 r */ /*!80031 s */ b';
    assert.deepEqual(texts(text, mysql57), ['a', 'p', 'q', 'b']);
    assert.deepEqual(texts(text, mysql80), ['a', 'p', 'q', 'r', 'b']);
    assert.deepEqual(texts(text, { dialect: 'mysql', version: { major: 8, minor: 0, patch: 31 } }), [
      'a', 'p', 'q', 'r', 's', 'b',
    ]);
  });

  it('MariaDB runs five-digit MySQL versions below 50700 only; six digits are MariaDB versions MMmmpp', () => {
    const text = 'a /*!40101 p */ /*!50699 q */ /*!50700 r */ /*!80013 s */ /*!100100 t */ /*!100500 u */ b';
    assert.deepEqual(texts(text, mariadb1011), ['a', 'p', 'q', 't', 'u', 'b']);
    assert.deepEqual(texts(text, mariadb103), ['a', 'p', 'q', 't', 'b']);
    assert.deepEqual(texts(text, mysql80), ['a', 'p', 'q', 'r', 's', 'b']);
  });

  it('`/*M! … */` runs on MariaDB only, with an optional six-digit version', () => {
    const text = 'a /*M! p */ /*M!100300 q */ /*M!100600 r */ b';
    assert.deepEqual(texts(text, mariadb1011), ['a', 'p', 'q', 'r', 'b']);
    assert.deepEqual(texts(text, mariadb103), ['a', 'p', 'q', 'b']);
    assert.deepEqual(texts(text, mysql80), ['a', 'b']);
  });

  it('a skipped executable comment is a comment; strings inside a run one can hold `*/`', () => {
    assert.deepEqual(texts("/*!99999 DROP TABLE x; */ SELECT '*/' /*!50100 , '*/' */", mysql80), ['SELECT', "'*/'", ',', "'*/'"]);
    assert.deepEqual(texts('CREATE TABLE t (a int) /*!50100 PARTITION BY HASH (a) */', mysql80), [
      'CREATE', 'TABLE', 't', '(', 'a', 'int', ')', 'PARTITION', 'BY', 'HASH', '(', 'a', ')',
    ]);
    assert.deepEqual(texts('SELECT 2*/*c*/3'), ['SELECT', '2', '*', '3']);
  });

  it('a range starting inside an executed comment drops its closing marker', () => {
    const text = '/*!40101 SET @OLD=@@SQL_MODE */;';
    assert.deepEqual(texts(text.slice(9)), ['SET', '@OLD', '=', '@@SQL_MODE', ';']);
  });
});

describe('tokenizeMysql: client delimiter', () => {
  it('a custom delimiter is one punctuation token, even glued to a word', () => {
    const options = { ...mysql80, delimiter: '$$' };
    assert.deepEqual(kinds('BEGIN SELECT 1; END$$', options), [
      ['word', 'BEGIN'],
      ['word', 'SELECT'],
      ['number', '1'],
      ['punctuation', ';'],
      ['word', 'END'],
      ['punctuation', '$$'],
    ]);
    assert.deepEqual(texts('END //', { ...mysql80, delimiter: '//' }), ['END', '//']);
    assert.deepEqual(texts('END$$'), ['END$$']);
  });
});
