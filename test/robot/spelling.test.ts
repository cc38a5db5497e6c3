import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commonEnglish, createSpeller, defaultSpeller, oneEdit } from '../../src/robot/nlu/spelling.ts';
import { createNlu } from '../../src/robot/nlu/understand.ts';

test('one edit: a letter added, dropped, changed, or two neighbours swapped', () => {
  assert.ok(oneEdit('traking', 'tracking'));
  assert.ok(oneEdit('refnud', 'refund'));
  assert.ok(oneEdit('parcell', 'parcel'));
  assert.ok(oneEdit('invoce', 'invoice'));
  assert.ok(!oneEdit('refund', 'refund'));
  assert.ok(!oneEdit('rfnd', 'refund'));
  assert.ok(oneEdit('retrun', 'return'));
  assert.ok(!oneEdit('parcel', 'pa'));
});

test('misspelt words of the vocabulary are corrected; real words and ambiguous ones are not', () => {
  const s = createSpeller(['refund', 'refund', 'order', 'shipping', 'shipping', 'shopping', 'cancel'], new Set(['older', 'cancer']));
  assert.equal(s.correct('refnud'), 'refund');
  assert.equal(s.correct('shpping'), 'shipping', 'the word the vocabulary names more often wins');
  assert.equal(s.correct('older'), undefined, 'a real word is left alone');
  assert.equal(s.correct('cancer'), undefined);
  assert.equal(s.correct('cancle'), 'cancel');
  assert.equal(s.correct('ordeer'), 'order');
  assert.equal(s.correct('xyzzy'), undefined);
  assert.equal(s.correct('ordr'), undefined, 'too short to be sure');
  const tie = createSpeller(['parcel', 'pardel'], new Set());
  assert.equal(tie.correct('parxel'), undefined, 'two targets one edit away, equally named: no guess');
});

test('the shipped speller knows common English and the robot\'s words, and the NLU uses it', () => {
  assert.ok(commonEnglish().has('older') && commonEnglish().has('weather'));
  const s = defaultSpeller();
  for (const [typo, word] of [['traking', 'tracking'], ['paymnet', 'payment'], ['persn', 'person'], ['adress', 'address'], ['recieve', 'receive']]) assert.equal(s.correct(typo!), word, typo);
  const nlu = createNlu();
  assert.equal(nlu.understand('wheres my refnud').intent, 'aftersale_progress');
  assert.equal(nlu.understand('real persn plz').intent, 'human');
  // A capitalised word inside a sentence is a name, and short words are left alone: "this is Liam" is no liar.
  assert.notEqual(nlu.understand('Hi this is Liam, I have a question about my order').intent, 'complaint');
  assert.equal(s.correct('liam'), undefined);
  assert.equal(s.correct('huawei'), undefined, 'a brand the word list lacks');
});

test('pleasantries in their own clauses do not decide a longer message', () => {
  const nlu = createNlu();
  assert.equal(nlu.understand('Hi, hope all is well. Thank you for your help earlier. Has my refund been processed?').intent, 'aftersale_progress');
  assert.notEqual(nlu.understand('Hello, thank you for your help earlier. I wanted to ask why my third order shows as closed').intent, 'bye');
  assert.equal(nlu.understand('hi there, good morning').intent, 'greeting');
  assert.equal(nlu.understand('ok thanks, have a nice day').intent, 'bye');
  assert.equal(nlu.understand('谢谢亲，没别的事了').intent, 'bye');
});

// Found in review (forty-sixth session): "we've" without its apostrophe was corrected to "weave".
test("the other persons' contractions are expanded, never corrected into other words", async () => {
  const { normalize } = await import('../../src/robot/nlu/normalize.ts');
  assert.equal(normalize("we've got a fire in the garage").text, 'we have got a fire in the garage');
  assert.equal(normalize('weve ordered twice').text, 'we have ordered twice');
  assert.equal(normalize("they've sent the wrong size").text, 'they have sent the wrong size');
  assert.equal(normalize('youve charged me twice').text, 'you have charged me twice');
});
