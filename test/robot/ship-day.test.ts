/**
 * The day an in-stock order goes out by the shop's own rule (src/robot/ship-day.ts). Found from
 * outside (thirty-fifth session): buyers who paid at the weekend were told the whole rule, no day.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dispatchDay } from '../../src/robot/ship-day.ts';

const UK = 'Orders paid before 1pm on a working day (Monday to Friday) are sent out the same day. Orders paid after 1pm go out the next working day. Orders paid at the weekend are sent out on the next working day.';
const GZ = '现货订单当天16:00前付款当天发出，16:00后付款次日发出；周日及法定节假日顺延至下一个工作日发出。';
const at = (iso: string) => Date.parse(iso);

test('before the cut-off on a working day: that day; after it, or at the weekend: the next working day', () => {
  assert.equal(dispatchDay(UK, at('2026-12-07T12:59:00Z'), 0), '2026-12-07', 'Monday 12:59');
  assert.equal(dispatchDay(UK, at('2026-12-07T13:00:00Z'), 0), '2026-12-08', 'Monday 13:00');
  assert.equal(dispatchDay(UK, at('2026-12-04T15:00:00Z'), 0), '2026-12-07', 'Friday afternoon');
  assert.equal(dispatchDay(UK, at('2026-12-05T09:00:00Z'), 0), '2026-12-07', 'Saturday morning');
  assert.equal(dispatchDay(UK, at('2026-12-06T09:00:00Z'), 0), '2026-12-07', 'Sunday');
});

test('in the shop\'s calendar; Sunday alone off when only it is named; 下午4点前 too', () => {
  // Saturday 17:30 in Guangzhou is 09:30 UTC: after 16:00, Sunday off, so Monday.
  assert.equal(dispatchDay(GZ, at('2026-12-05T09:30:00Z'), 480), '2026-12-07');
  // Saturday 10:00 in Guangzhou: before 16:00 on a day it sends.
  assert.equal(dispatchDay(GZ, at('2026-12-05T02:00:00Z'), 480), '2026-12-05');
  assert.equal(dispatchDay('下午4点前付款当天发货，周末顺延', at('2026-12-04T09:00:00Z'), 480), '2026-12-07', 'Friday 17:00, weekend off');
  assert.equal(dispatchDay('Orders paid by 3pm are sent out the same day', at('2026-12-07T06:00:00Z'), 480), '2026-12-07', 'Monday 14:00 in Kuala Lumpur');
  // A Taipei shop's rule as the dialogue reads it (traditional characters and 出貨 folded: robot.test.ts says it whole): Saturday 11:00 is a day off, so Monday.
  assert.equal(dispatchDay('平日（周一至周五）下午3点前付款，当天发货；周六、周日顺延至下一个工作日发货。', at('2026-12-05T03:00:00Z'), 480), '2026-12-07');
});

test('no day from a rule without a cut-off or without same-day sending', () => {
  for (const rule of ['现货款付款后48小时内发出，周六、日顺延至下一个工作日。', 'We ship within 2 working days.', 'Orders placed before 1pm are packed for the courier.']) {
    assert.equal(dispatchDay(rule, at('2026-12-05T09:00:00Z'), 0), undefined, rule);
  }
});

// A Wuhan shop (thirty-sixth session): "当天从武汉仓发出" was no same-day sending, and Saturday is a working day of "周一至周六".
test('"当天从武汉仓发出" sends the same day; "周一至周六" sends on Saturday', () => {
  const WH = '周一至周六16:00前付款的订单当天从武汉仓发出，16:00后付款的次日发出；周日付款的订单顺延到周一发出。';
  assert.equal(dispatchDay(WH, at('2026-12-05T03:00:00Z'), 480), '2026-12-05', 'Saturday 11:00');
  assert.equal(dispatchDay(WH, at('2026-12-05T09:00:00Z'), 480), '2026-12-07', 'Saturday 17:00, Sunday off');
  assert.equal(dispatchDay(WH, at('2026-12-06T06:00:00Z'), 480), '2026-12-07', 'Sunday 14:00');
});

test('"当天付款的…周一发货" is no same-day sending', () => {
  assert.equal(dispatchDay('16点前付款次日发货，周日当天付款的周一发货', at('2026-12-04T03:00:00Z'), 480), undefined);
});

// A New York shop (thirty-eighth session): the usual US wording gave no day.
test('"ship the same day" on a "business day" sends the same day: the US wording', () => {
  const NY = 'Orders paid before 2pm Eastern on a business day ship the same day. Orders paid after 2pm, or on weekends, ship the next business day.';
  const ny = -300;
  assert.equal(dispatchDay(NY, at('2026-12-07T18:59:00Z'), ny), '2026-12-07', 'Monday 13:59 in New York');
  assert.equal(dispatchDay(NY, at('2026-12-07T19:00:00Z'), ny), '2026-12-08', 'Monday 14:00');
  assert.equal(dispatchDay(NY, at('2026-12-05T20:00:00Z'), ny), '2026-12-07', 'Saturday afternoon');
});
