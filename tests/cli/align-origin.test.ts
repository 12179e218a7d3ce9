/**
 * `verso align <article> --origin`: the Vietnamese original fetched from the article's origin
 * URL, served from saved HTML by a local HTTP server (no test reaches the internet), its body
 * extracted, aligned to the French segments and stored; a later fetch reports upstream edits.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, SEED, readJson, runCli, snapshotTree, tempDir, tempProject } from '../support/cli.js';
import type { Article, ReviewState } from '../../src/core/model.js';
import { extractArticle } from '../../src/services/align-origin-fetch.js';

const HTML = readFileSync(join(REPO_ROOT, 'tests', 'fixtures', 'align', 'origin-vi.html'), 'utf8');
const EN = join(REPO_ROOT, 'tests', 'fixtures', 'align', 'seed-en.txt');
const ID = 'bo-truong';

let server: Server;
let page = HTML;
let status = 200;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url !== '/bo-truong.htm') {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' }).end(page);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A project holding the seed article, with its origin URL pointing at the local server. */
async function projectWithLocalOrigin(path = '/bo-truong.htm'): Promise<string> {
  const dir = await tempProject(['en']);
  const seed = readFileSync(SEED, 'utf8').replace(/^Source : .*$/m, `Source : ${base}${path}`);
  const file = join(tempDir(), `${ID}.txt`);
  writeFileSync(file, seed);
  const r = await runCli(['import', file], { cwd: dir });
  if (r.code !== 0) throw new Error(r.stderr);
  return dir;
}

const articleOf = (dir: string) => readJson(join(dir, '.verso', 'articles', `${ID}.json`)) as Article;

describe('extractArticle', () => {
  it('keeps the article body and its captions, drops navigation, related links, comments and footer', () => {
    const { title, paragraphs } = extractArticle(HTML);
    expect(title).toBe('Bộ trưởng Quốc phòng Nga cảnh báo Mỹ về nguy cơ leo thang tại Ukraine');
    expect(paragraphs).toHaveLength(8);
    expect(paragraphs[0]).toMatch(/^Người phát ngôn Lầu Năm Góc Patrick Ryder/);
    expect(paragraphs[1]).toBe('Bộ trưởng Quốc phòng Mỹ Lloyd Austin');
    expect(paragraphs.join('\n')).not.toMatch(/Trang chủ|Giá vàng|Bình luận|Giấy phép/);
  });
});

describe('verso align <article> --origin', () => {
  it('fetches the origin URL, aligns the Vietnamese paragraphs to the segments and stores them', async () => {
    page = HTML;
    status = 200;
    const dir = await projectWithLocalOrigin();
    const r = await runCli(['align', ID, '--origin'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const origin = articleOf(dir).origin!;
    expect(origin['p1']).toMatch(/^Người phát ngôn Lầu Năm Góc Patrick Ryder/);
    expect(origin['p2']).toBe('Bộ trưởng Quốc phòng Mỹ Lloyd Austin');
    expect(origin['p3']).toMatch(/^Theo Reuters/);
    expect(origin['p4']).toMatch(/^Bộ Quốc phòng Nga cho biết/);
    expect(origin['p6']).toMatch(/^Cuối tuần qua, Moscow/);
    expect(origin['p7']).toBe('Bộ trưởng Quốc phòng Nga Andrei Belousov');
    expect(origin['p8']).toMatch(/^Tổng thống Nga Vladimir Putin/);
    expect(origin['p9']).toMatch(/^Mặt khác/);
    // The related-article line has no counterpart in the page body.
    expect(origin['p5']).toBeUndefined();
  });

  it('reports paragraphs edited upstream since the last fetch and flags their segments for review', async () => {
    page = HTML;
    status = 200;
    const dir = await projectWithLocalOrigin();
    expect((await runCli(['align', ID, EN, '--to', 'en'], { cwd: dir })).code).toBe(0);
    expect((await runCli(['align', ID, '--origin'], { cwd: dir })).code).toBe(0);

    page = HTML.replace('hơn 150 người bị thương', 'hơn 150 người bị thương, trong đó có nhiều trẻ em');
    const r = await runCli(['align', ID, '--origin'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('1 segment(s) whose origin text changed');
    expect(r.stdout).toMatch(/^ {2}p6: /m);
    expect(r.stdout).toContain('flagged for review in: en');
    expect(articleOf(dir).origin!['p6']).toContain('trong đó có nhiều trẻ em');
    const state = readJson(join(dir, '.verso', 'state', 'en', `${ID}.json`)) as ReviewState;
    expect(state.segments['p6']?.history.at(-1)?.action).toBe('origin-changed');
    expect(state.segments['p1']?.history.some((h) => h.action === 'origin-changed')).toBe(false);
  });

  it('aligns a Vietnamese original given as a file, without fetching', async () => {
    const dir = await projectWithLocalOrigin('/gone.htm');
    const file = join(tempDir(), 'vi.txt');
    writeFileSync(file, extractArticle(HTML).paragraphs.join('\n') + '\n');
    const r = await runCli(['align', ID, file, '--origin'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(articleOf(dir).origin!['p8']).toMatch(/^Tổng thống Nga Vladimir Putin/);
  });

  it('fails with exit 2 and no change when the page cannot be fetched', async () => {
    const dir = await projectWithLocalOrigin('/gone.htm');
    const before = snapshotTree(dir);
    const r = await runCli(['align', ID, '--origin'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('HTTP 404');
    expect(r.stderr).toContain('next:');
    expect(snapshotTree(dir)).toEqual(before);
  });
});
