// Lists at province scale, on the real 166 communes and wards: the communes' plans of the province plan come in
// Vietnamese alphabetical order (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, tones secondary) on the
// plan page and in the paged list, on PGlite and PostgreSQL alike; the province's staff find their own plan first.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cascade, issueProvincePlan, ok, openWorld, type World } from '../support/factories.ts';

const CAST = {
  skhcn: ['skhcn.cv', '38.SKHCN', ['officer']],
  leader: ['tinh.ld', '38', ['leader']],
} as const satisfies Parameters<typeof openWorld>[0];

// The alphabet, written out here rather than taken from the code under test.
const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n'].concat([
  'o',
  'ô',
  'ơ',
  'p',
  'q',
  'r',
  's',
  't',
  'u',
  'ư',
  'v',
  'w',
  'x',
  'y',
  'z',
]);
const LETTER_MARKS = /[\u0306\u0302\u031B]/; // breve, circumflex, horn: part of the letter (ă â ê ô ơ ư)

/** Letters of a name in alphabet positions (tones dropped); a space is -1, so "Hà Trung" sorts before "Hải". */
function letters(name: string): number[] {
  const out: number[] = [];
  for (const ch of name.toLowerCase().normalize('NFC')) {
    if (ch === ' ') {
      out.push(-1);
      continue;
    }
    const d = ch.normalize('NFD');
    const letter = (d[0]! + [...d.slice(1)].filter((m) => LETTER_MARKS.test(m)).join('')).normalize('NFC');
    const i = ALPHABET.indexOf(letter);
    assert.ok(i >= 0, `letter ${letter} of ${name}`);
    out.push(i);
  }
  return out;
}

function compareLetters(a: string, b: string): number {
  const x = letters(a);
  const y = letters(b);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
}

const short = (unitName: string) => unitName.replace(/^(Xã|Phường) /, '');

let w: World<typeof CAST>;
let planId = 0;

before(async () => {
  w = await openWorld(CAST, ['38']);
  planId = await issueProvincePlan(w.unitIds['38']!, { officer: w.as.skhcn, leader: w.as.leader });
  await cascade(w.as.skhcn, planId, 'all');
});
after(() => w.close());

function assertVietnameseOrder(names: string[]) {
  assert.equal(names.length, 166);
  for (let i = 1; i < names.length; i++)
    assert.ok(compareLetters(names[i - 1]!, names[i]!) <= 0, `${names[i - 1]} before ${names[i]}`);
  const at = (n: string) => names.indexOf(n);
  assert.ok(at('Ngọc Lặc') >= 0 && at('Nguyệt Ấn') >= 0);
  assert.ok(at('Ngọc Lặc') < at('Nguyệt Ấn'), 'Ngọc before Nguyệt (o before u)');
  const initials = names.map((n) => n[0]);
  const lastD = initials.lastIndexOf('D');
  const firstĐ = initials.indexOf('Đ');
  const lastĐ = initials.lastIndexOf('Đ');
  assert.ok(lastD < firstĐ, 'every D… before every Đ…');
  assert.ok(lastĐ < initials.indexOf('H') && lastĐ < initials.indexOf('T'), 'Đ… before H… and T…');
}

describe('the communes’ plans in Vietnamese order', () => {
  test('on the plan page (its list of communes’ plans)', async () => {
    const r = await w.as.skhcn.get(`/api/plans/${planId}`);
    ok(r, 'plan');
    assertVietnameseOrder(r.body.children.visible.map((c: { unitName: string }) => short(c.unitName)));
  });

  test('in the paged list of the plans implementing it, page after page', async () => {
    const names: string[] = [];
    for (let offset = 0; offset < 200; offset += 50) {
      const r = await w.as.skhcn.get(`/api/plans?parentPlanId=${planId}&limit=50&offset=${offset}`);
      ok(r, 'page');
      names.push(...r.body.items.map((p: { unitName: string }) => short(p.unitName)));
    }
    assertVietnameseOrder(names);
  });

  test('the province’s staff (UBND tỉnh, its focal unit Sở KH&CN) see the province plan first', async () => {
    for (const c of [w.as.skhcn, w.as.leader]) {
      const r = await c.get('/api/plans?limit=5');
      ok(r, 'plans');
      assert.equal(r.body.total, 167);
      assert.equal(r.body.items[0].id, planId);
    }
  });
});
