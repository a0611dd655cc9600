// The bundled rubrics against the user's source texts (copied into test/fixtures/seeds):
// every responsibility and example is present word for word, and nothing is put in the
// source's mouth that it does not say.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadBundledRubric } from '../../src/core/rubric/bundledRubrics';
import type { Rubric } from '../../src/core/rubric/types';

const SEEDS = path.join(__dirname, '..', 'fixtures', 'seeds');

/** Markdown emphasis removed and whitespace collapsed: the rubric keeps the words, not the markup. */
function plain(text: string): string {
  return text.replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
}

function seed(name: string): string {
  return fs.readFileSync(path.join(SEEDS, name), 'utf8');
}

describe('rubric l4-holistic-ownership against its seed text', () => {
  const text = seed('l4-holistic-ownership.txt');
  const [responsibilityPart, examplePart] = text.split('Here are some examples of behaviors');
  const bullets = (part: string) => part.split('\n').filter((l) => l.startsWith('* ')).map((l) => plain(l.slice(2)));
  const responsibilities = bullets(responsibilityPart);
  const examples = bullets(examplePart);
  let rubric: Rubric;
  before(() => {
    rubric = loadBundledRubric('l4');
  });

  it('reads seven responsibilities and twenty-four examples from the seed (the parse itself is right)', () => {
    assert.equal(responsibilities.length, 7);
    assert.equal(examples.length, 24);
  });

  it('has every responsibility as an expectation, word for word, and no other', () => {
    assert.deepEqual(rubric.expectations.map((e) => plain(e.text)).sort(), [...responsibilities].sort());
  });

  it('has every example behaviour, word for word, and no other', () => {
    assert.deepEqual(rubric.examples.map((e) => plain(e.text)).sort(), [...examples].sort());
  });

  it('keeps the introduction', () => {
    assert.equal(rubric.intro, plain(text.split('\n')[1]));
  });

  it('gives every expectation a short title and two or three "ask yourself" prompts', () => {
    for (const e of rubric.expectations) {
      assert.ok(e.title.length > 0 && e.title.length <= 60, `title of ${e.id}: ${e.title}`);
      assert.ok(e.ask.length >= 2 && e.ask.length <= 3, `${e.id} has ${e.ask.length} prompts`);
    }
  });

  it('links every example to an expectation, and every expectation has an example', () => {
    const ids = new Set(rubric.expectations.map((e) => e.id));
    for (const ex of rubric.examples) for (const id of ex.illustrates) assert.ok(ids.has(id), `${ex.id} → ${id}`);
    for (const e of rubric.expectations) assert.ok(rubric.examples.some((ex) => ex.illustrates.includes(e.id)), `${e.id} has no example`);
  });

  // The tagging the issue asks for, found by the source's words rather than by our ids.
  const byText = (start: string) => {
    const e = rubric.expectations.find((x) => x.text.startsWith(start));
    assert.ok(e, `no expectation starts with "${start}"`);
    return e;
  };

  it('tags contributing fixes upstream, by the owner\'s practices, as upstream', () => {
    assert.ok(byText('Maintaining component health by contributing fixes to upstream').situations.includes('upstream'));
  });

  it('tags reviewing all changes / publishing best practices, and managing debt, as mine', () => {
    assert.ok(byText('Maintaining strong ownership of their component by reviewing all changes').situations.includes('mine'));
    assert.ok(byText('Managing debt strategically').situations.includes('mine'));
  });

  it('tags taking ownership of failures as unowned, with a prompt to propose an owner', () => {
    const failures = byText('Taking ownership of failures');
    assert.ok(failures.situations.includes('unowned'));
    assert.ok(failures.ask.some((a) => /propose an owner/i.test(a) && a.includes('CODEOWNERS')));
  });

  it('uses every situation tag somewhere, so each situation has something to show', () => {
    for (const tag of ['mine', 'upstream', 'unowned', 'commit'] as const) {
      assert.ok(rubric.expectations.some((e) => e.situations.includes(tag)), tag);
    }
  });
});

describe('rubric l6-ownership-beyond-your-code against its seed text', () => {
  const text = seed('l6-ownership-beyond-your-code.txt');
  const flat = plain(text);
  const section = (heading: string) => {
    const start = text.indexOf(`## ${heading}`);
    assert.ok(start >= 0, heading);
    // Sections end at the next heading; a `---` rule separates them.
    const end = text.indexOf('\n## ', start + 3);
    return text.slice(text.indexOf('\n', start) + 1, end < 0 ? undefined : end).replace(/^---$/m, '');
  };
  const recap = section('Quick Recap').split('\n').filter((l) => l.startsWith('- ')).map((l) => plain(l.slice(2)));
  const trapLine = recap.find((l) => l.startsWith('Trap:'));
  const namedExamples = [...text.matchAll(/^\*\*Example \d: ([^*]+?)\.\*\* (.+)$/gm)].map((m) => ({ title: m[1], text: plain(m[2]) }));
  const disaster = plain(section('What Could Go Wrong? (Mini Disaster Story)').trim().split('\n\n')[0]);
  let rubric: Rubric;
  before(() => {
    rubric = loadBundledRubric('l6');
  });

  it('reads five recap bullets and three named examples from the seed (the parse itself is right)', () => {
    assert.equal(recap.length, 5);
    assert.ok(trapLine);
    assert.deepEqual(namedExamples.map((e) => e.title), ['Downstream bottleneck', 'Migration', 'On-call']);
    assert.ok(disaster.startsWith('A critical outage happens.'));
  });

  it('has the expanding circles: my code, my system, technical direction', () => {
    assert.deepEqual(rubric.circles.map((c) => c.level), ['L5', 'L6', 'Staff+']);
    assert.deepEqual(rubric.circles.map((c) => c.scope), ['My code', 'My system', 'Technical direction']);
    assert.deepEqual(rubric.circles.map((c) => c.attitude), ['Not my problem', 'Our problem', "I'll fix it"]);
    for (const c of rubric.circles) {
      assert.ok(flat.includes(c.text), `circle text not in the seed: ${c.text}`);
      assert.ok(flat.toLowerCase().includes(c.scope.toLowerCase()), c.scope);
      assert.ok(flat.includes(`"${c.attitude}"`), `attitude not quoted in the seed: ${c.attitude}`);
    }
  });

  it('has the downstream bottleneck, the orphaned migration and the 2 AM page, word for word', () => {
    for (const seedExample of namedExamples) {
      const ex = rubric.examples.find((e) => plain(e.text) === seedExample.text);
      assert.ok(ex, `missing example: ${seedExample.title}`);
      assert.equal(ex.title, seedExample.title);
    }
  });

  it('has the repeated outage as a cautionary example, word for word', () => {
    const ex = rubric.examples.find((e) => plain(e.text) === disaster);
    assert.ok(ex, 'the mini disaster story is missing');
    assert.equal(ex.kind, 'cautionary');
  });

  it('has the trap and the one-liner, word for word', () => {
    assert.equal(`Trap: ${rubric.trap?.text}`, trapLine);
    assert.equal(rubric.trap?.title, 'Staying in your lane');
    const oneLiner = plain(section('One-Liner to Remember'));
    assert.equal(rubric.oneLiner, oneLiner);
  });

  it('turns every recap point but the trap into an expectation, word for word', () => {
    const texts = rubric.expectations.map((e) => plain(e.text));
    for (const point of recap.filter((l) => l !== trapLine)) assert.ok(texts.includes(point), `missing: ${point}`);
  });

  it('quotes the seed in every expectation and example text (nothing invented)', () => {
    for (const item of [...rubric.expectations, ...rubric.examples]) assert.ok(flat.includes(plain(item.text)), `not in the seed: ${item.id}`);
    assert.ok(rubric.intro && flat.includes(plain(rubric.intro)));
  });

  it('links every example to expectations and gives each expectation two or three prompts', () => {
    const ids = new Set(rubric.expectations.map((e) => e.id));
    for (const ex of rubric.examples) for (const id of ex.illustrates) assert.ok(ids.has(id), `${ex.id} → ${id}`);
    for (const e of rubric.expectations) assert.ok(e.ask.length >= 2 && e.ask.length <= 3, e.id);
  });
});
