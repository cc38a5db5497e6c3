import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { arrivalVerdict, daysRangeIn } from '../../src/robot/arrival-day.ts';

const CST = 480;
const at = (iso: string) => Date.parse(iso);

describe('the day a parcel may arrive by', () => {
  test('a delivery time is read from the sentence said: ranges, working days, a single number, next day; none from a date', () => {
    assert.deepEqual(daysRangeIn('正在运输途中，一般 1-3 天送达。'), { min: 1, max: 3, working: false });
    assert.deepEqual(daysRangeIn('is on its way; delivery takes 3 to 5 business days.'), { min: 3, max: 5, working: true });
    assert.deepEqual(daysRangeIn('发货后约 4 天到'), { min: 1, max: 4, working: false });
    assert.deepEqual(daysRangeIn('江浙沪次日达'), { min: 1, max: 1, working: false });
    assert.equal(daysRangeIn('11月11日发货'), undefined);
    assert.equal(daysRangeIn('usually arrives soon'), undefined);
    assert.equal(daysRangeIn('45-60 天海运'), undefined);
    // Processing, then delivery: the delivery clause; two times and neither on delivery: none (found in review).
    assert.deepEqual(daysRangeIn('Orders are processed within 1-2 business days, then delivery takes 3-5 business days.'), { min: 3, max: 5, working: true });
    assert.deepEqual(daysRangeIn('现货48小时内发货，一般3-5天送达'), { min: 3, max: 5, working: false });
    assert.equal(daysRangeIn('现货2天内发货，定制15天发货'), undefined);
    // 送到 is a word of delivery, as it is for the shop's sentence said beside a parcel.
    assert.deepEqual(daysRangeIn('下单后1-2天发货，发货后3-5天送到'), { min: 3, max: 5, working: false });
  });

  test('the day asked against the usual days from the first scan, in the shop calendar', () => {
    const sent = at('2026-12-02T12:00:00+08:00');
    const now = at('2026-12-03T10:00:00+08:00');
    const three = { min: 1, max: 3, working: false };
    assert.deepEqual(arrivalVerdict('2026-12-10', sent, three, now, CST), { kind: 'by' });
    assert.deepEqual(arrivalVerdict('2026-12-05', sent, three, now, CST), { kind: 'by' });
    assert.deepEqual(arrivalVerdict('2026-12-04', sent, three, now, CST), { kind: 'maybe', last: '2026-12-05' });
    assert.deepEqual(arrivalVerdict('2026-12-03', sent, { min: 2, max: 4, working: false }, now, CST), { kind: 'unlikely', first: '2026-12-04', last: '2026-12-06' });
    assert.deepEqual(arrivalVerdict('2026-12-09', sent, three, at('2026-12-07T10:00:00+08:00'), CST), { kind: 'overdue' });
    assert.equal(arrivalVerdict('2026-12-01', sent, three, now, CST), undefined, 'a day already past');
    assert.equal(arrivalVerdict('2027-11-20', sent, three, now, CST), undefined, 'a past date read as next year\'s');
  });

  test('working days skip the weekend: sent on a Friday, "1-2 working days" ends on Tuesday', () => {
    const friday = at('2026-12-04T15:00:00+08:00');
    const v = arrivalVerdict('2026-12-07', friday, { min: 1, max: 2, working: true }, at('2026-12-05T10:00:00+08:00'), CST);
    assert.deepEqual(v, { kind: 'maybe', last: '2026-12-08' });
  });

  test('late at night in UTC is the next day in the shop: the first scan counts on its local day', () => {
    // 2026-12-02 17:00 UTC is Dec 3, 01:00 in Shanghai: three days end on Dec 6, not Dec 5.
    const v = arrivalVerdict('2026-12-05', at('2026-12-02T17:00:00Z'), { min: 1, max: 3, working: false }, at('2026-12-03T10:00:00+08:00'), CST);
    assert.deepEqual(v, { kind: 'maybe', last: '2026-12-06' });
  });
});
