// Which dialect a file is analysed in: directive, configured settings, path, text, default — in that order.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chooseDialect, dialectDirective, dialectFromPath, dialectFromText, resolveFileSettings, settingsForText } from '../../server/src/engine';

describe('dialect directive', () => {
  it('is read from the leading comments in every comment style', () => {
    assert.equal(dialectDirective('-- sqlsight: dialect=mysql\nCREATE TABLE t (id int);'), 'mysql');
    assert.equal(dialectDirective('-- V3 migration\n# sqlsight: dialect=mariadb\nSELECT 1;'), 'mariadb');
    assert.equal(dialectDirective('/* sqlsight: dialect=postgres */\nSELECT 1;'), 'postgres');
  });
  it('is ignored after the first statement and for unknown dialects', () => {
    assert.equal(dialectDirective('SELECT 1;\n-- sqlsight: dialect=mysql\n'), undefined);
    assert.equal(dialectDirective('-- sqlsight: dialect=oracle\n'), undefined);
  });
});

describe('dialect from the path', () => {
  it('reads folder and file-name parts, the nearest winning', () => {
    assert.equal(dialectFromPath('security-admin/db/mysql/patches/001.sql'), 'mysql');
    assert.equal(dialectFromPath('migrations/20200401_x.mysql.up.sql'), 'mysql');
    assert.equal(dialectFromPath('db/postgres/V1__init.sql'), 'postgres');
    assert.equal(dialectFromPath('postgres-repo/db/mariadb/V1.sql'), 'mariadb');
    assert.equal(dialectFromPath('db/migrations/V1__init.sql'), undefined);
    assert.equal(dialectFromPath('db/mysqldump-notes/V1.sql'), undefined);
  });
});

describe('dialect from the text', () => {
  it('recognises MySQL by backticks, ENGINE=, AUTO_INCREMENT', () => {
    assert.equal(dialectFromText('CREATE TABLE `users` (`id` int NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`)) ENGINE=InnoDB;'), 'mysql');
    assert.equal(dialectFromText('DELIMITER $$\nCREATE PROCEDURE p() BEGIN SELECT 1; END $$\nDELIMITER ;\nALTER TABLE `t` ADD `c` int;'), 'mysql');
  });
  it('says MariaDB only when the text names it', () => {
    assert.equal(dialectFromText('-- for MariaDB\nCREATE TABLE `t` (`id` int AUTO_INCREMENT PRIMARY KEY) ENGINE=InnoDB;'), 'mariadb');
  });
  it('recognises PostgreSQL by casts, dollar quotes, CONCURRENTLY', () => {
    assert.equal(dialectFromText("CREATE INDEX CONCURRENTLY i ON t (a);\nSELECT 'x'::text;"), 'postgres');
    assert.equal(dialectFromText('CREATE FUNCTION f() RETURNS trigger AS $$ BEGIN RETURN NEW; END $$ LANGUAGE plpgsql;'), 'postgres');
  });
  it('says nothing for SQL both dialects write', () => {
    assert.equal(dialectFromText('CREATE TABLE users (id int PRIMARY KEY, email varchar(255) NOT NULL);'), undefined);
  });
});

describe('choosing a file\'s dialect', () => {
  it('puts the directive over settings, settings over the path, the path over the text', () => {
    assert.deepEqual(chooseDialect('db/postgres/a.sql', '-- sqlsight: dialect=mysql\nSELECT 1;', 'postgres'), { dialect: 'mysql', source: 'directive' });
    assert.deepEqual(chooseDialect('db/mysql/a.sql', 'SELECT 1;', 'postgres'), { dialect: 'postgres', source: 'settings' });
    assert.deepEqual(chooseDialect('db/mysql/a.sql', "SELECT 'a'::text;", undefined), { dialect: 'mysql', source: 'path' });
    assert.deepEqual(chooseDialect('a.sql', 'ALTER TABLE `t` ADD COLUMN `c` int UNSIGNED;', undefined), { dialect: 'mysql', source: 'text' });
    assert.deepEqual(chooseDialect('a.sql', 'SELECT 1;', undefined), { dialect: 'postgres', source: 'default' });
  });
  it('gives a detected MySQL file MySQL\'s default version, not a PostgreSQL version configured without a dialect', () => {
    const configured = resolveFileSettings({ serverVersion: '15' }, () => false);
    const mysql = settingsForText(configured, 'db/mysql/V1.sql', 'SELECT 1;');
    assert.equal(mysql.dialect, 'mysql');
    assert.deepEqual(mysql.serverVersion, { major: 8, minor: 0, patch: 0 });
    const postgres = settingsForText(configured, 'db/V1.sql', 'SELECT 1;');
    assert.deepEqual(postgres.serverVersion, { major: 15, minor: 0, patch: 0 });
  });
  it('keeps a configured MySQL version for a MySQL file', () => {
    const configured = resolveFileSettings({ dialect: 'mysql', serverVersion: '8.0.29' }, () => false);
    const settings = settingsForText(configured, 'V1.sql', '-- sqlsight: dialect=mysql\nSELECT 1;');
    assert.deepEqual(settings.serverVersion, { major: 8, minor: 0, patch: 29 });
    assert.equal(settings.dialectSource, 'directive');
  });
});

describe('dialect from the text, comments aside', () => {
  it('does not count backticks or keywords written in comments', () => {
    assert.equal(dialectFromText('-- `user_id` names `users`, `category_id` names `categories`\nCREATE TABLE users (id bigint PRIMARY KEY);'), undefined);
    assert.equal(dialectFromText('/* ENGINE=InnoDB AUTO_INCREMENT */ CREATE TABLE t (id int);'), undefined);
  });
  it('counts executable comments, which MySQL runs', () => {
    assert.equal(dialectFromText('/*!40101 SET NAMES utf8 */;\nCREATE TABLE `t` (`id` int);'), 'mysql');
  });
});
