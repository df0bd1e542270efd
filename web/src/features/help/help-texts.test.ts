// Every page has a guide (issue 22): each route of web/src/app/App.tsx has an entry in help-texts.ts
// that says what the page is for and how it is used, and names a chapter of docs/user-guide/ that
// exists. The routes are read from App.tsx as it is, so a page added without a guide fails here.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpExempt, helpTexts } from './help-texts';

const root = path.resolve(import.meta.dirname, '../../../..');
const routes = [
  ...readFileSync(path.join(root, 'web/src/app/App.tsx'), 'utf8').matchAll(/\bpath: '([^']+)'/g),
].map((m) => m[1]);

describe('help for every page', () => {
  it('reads the routes of the app', () => {
    expect(routes).toContain('/nhat-ky');
    expect(routes).toContain('/dang-vien/:id');
    expect(routes.length).toBeGreaterThan(30);
  });

  it('has a guide for every route, with its purpose and how to use it', () => {
    const missing = routes.filter((r) => !helpExempt.has(r) && !helpTexts[r]);
    expect(missing).toEqual([]);
    for (const r of routes.filter((x) => !helpExempt.has(x))) {
      expect(helpTexts[r].purpose.length, r).toBeGreaterThan(20);
      expect(helpTexts[r].steps.length, r).toBeGreaterThan(0);
    }
  });

  it('names regulations by their number in the rules it cites', () => {
    const rules = Object.values(helpTexts).flatMap((e) => e.rules ?? []);
    expect(rules.length).toBeGreaterThan(20);
    expect(
      rules.filter((r) => /\d+-(QĐ|HD|CT|KL|NQ)\/|\d+\/\d+\/|Điều lệ|Bộ luật/.test(r)).length,
    ).toBeGreaterThan(rules.length * 0.8);
  });

  it('points to chapters of the user guide that exist', () => {
    for (const [r, e] of Object.entries(helpTexts))
      if (e.guide)
        expect(existsSync(path.join(root, 'docs/user-guide', e.guide)), `${r}: ${e.guide}`).toBe(
          true,
        );
  });

  it('keeps no guide for a page that is gone', () => {
    expect(Object.keys(helpTexts).filter((r) => !routes.includes(r))).toEqual([]);
  });
});
