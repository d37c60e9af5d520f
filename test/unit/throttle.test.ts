import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { clientOrigin, type Hop } from '../../src/http/forwarded.ts';
import { loadConfig } from '../../src/config.ts';
import {
  ADDRESS_MAX_FAILURES,
  FREE_PAIR_FAILURES,
  loginWait,
  pairDelaySeconds,
  PAIR_MAX_DELAY_SECONDS,
  waitText,
} from '../../src/domain/throttle.ts';

const hop = (h: Partial<Hop>): Hop => ({
  forwardedFor: undefined,
  forwardedProto: undefined,
  socketAddress: '10.1.1.1',
  socketTls: false,
  ...h,
});

describe('the client address and scheme behind trusted proxies', () => {
  it('without trusted proxies the socket is the client and the headers mean nothing', () => {
    assert.deepEqual(clientOrigin(hop({ forwardedFor: '1.2.3.4', forwardedProto: 'https' }), 0), {
      ip: '10.1.1.1',
      secure: false,
    });
    assert.deepEqual(clientOrigin(hop({ socketTls: true }), 0), { ip: '10.1.1.1', secure: true });
  });

  it('the N-th address from the right, once the socket is appended, is the client', () => {
    const forwardedFor = 'spoofed, 203.0.113.7, 172.16.0.2';
    assert.equal(clientOrigin(hop({ forwardedFor }), 1).ip, '172.16.0.2');
    assert.equal(clientOrigin(hop({ forwardedFor }), 2).ip, '203.0.113.7');
    assert.equal(clientOrigin(hop({ forwardedFor: 'spoofed,203.0.113.7' }), 1).ip, '203.0.113.7');
    // Fewer hops than proxies: the leftmost address there is.
    assert.equal(clientOrigin(hop({ forwardedFor: '203.0.113.7' }), 3).ip, '203.0.113.7');
    assert.equal(clientOrigin(hop({}), 1).ip, '10.1.1.1');
    assert.equal(clientOrigin(hop({ socketAddress: undefined }), 0).ip, 'unknown');
  });

  it('the scheme comes from the outermost trusted proxy', () => {
    assert.equal(clientOrigin(hop({ forwardedProto: 'https' }), 1).secure, true);
    assert.equal(
      clientOrigin(hop({ forwardedProto: 'HTTPS' }), 2).secure,
      true,
      'one proxy set it, the next passed it on',
    );
    assert.equal(clientOrigin(hop({ forwardedProto: 'https, http' }), 1).secure, false, 'the client wrote https');
    assert.equal(clientOrigin(hop({ forwardedProto: 'http, https' }), 1).secure, true);
    assert.equal(clientOrigin(hop({ forwardedProto: 'http' }), 1).secure, false);
  });

  it('THIHANH_TRUST_PROXY is a count of proxies; the old yes/no values still work', () => {
    const n = (v?: string) => loadConfig(v === undefined ? {} : { THIHANH_TRUST_PROXY: v }).trustProxy;
    assert.deepEqual([n(), n(''), n('0'), n('false'), n('1'), n('true'), n('yes'), n('2')], [0, 0, 0, 0, 1, 1, 1, 2]);
    assert.throws(() => n('proxy'), /THIHANH_TRUST_PROXY không hợp lệ/);
    assert.throws(() => n('-1'), /THIHANH_TRUST_PROXY không hợp lệ/);
  });

  it('request limits are configurable, 0 turns one off', () => {
    assert.deepEqual(loadConfig({}).rateLimit, { publicPerMinute: 300, userPerMinute: 1200 });
    assert.deepEqual(loadConfig({ THIHANH_RATE_LIMIT_PUBLIC: '60', THIHANH_RATE_LIMIT_USER: '0' }).rateLimit, {
      publicPerMinute: 60,
      userPerMinute: 0,
    });
    assert.throws(() => loadConfig({ THIHANH_RATE_LIMIT_USER: 'nhiều' }), /THIHANH_RATE_LIMIT_USER không hợp lệ/);
  });
});

describe('login waits', () => {
  it('a pair tries freely at first, then waits twice as long after each failure, up to a cap', () => {
    assert.equal(pairDelaySeconds(FREE_PAIR_FAILURES - 1), 0);
    assert.deepEqual([5, 6, 7, 8].map(pairDelaySeconds), [15, 30, 60, 120]);
    assert.equal(pairDelaySeconds(40), PAIR_MAX_DELAY_SECONDS);
  });

  it('the wait counts from the last failure; the address limit overrides the pair', () => {
    const none = { pair: 0, sincePairFailure: null, address: 0, sinceOldestAddressFailure: null };
    assert.equal(loginWait(none), null);
    assert.equal(loginWait({ ...none, pair: 4, sincePairFailure: 0 }), null);
    assert.deepEqual(loginWait({ ...none, pair: 6, sincePairFailure: 10.2 }), { reason: 'pair', seconds: 20 });
    assert.equal(loginWait({ ...none, pair: 6, sincePairFailure: 30 }), null);
    assert.deepEqual(loginWait({ ...none, address: ADDRESS_MAX_FAILURES, sinceOldestAddressFailure: 600 }), {
      reason: 'address',
      seconds: 3000,
    });
    assert.equal(loginWait({ ...none, address: ADDRESS_MAX_FAILURES - 1, sinceOldestAddressFailure: 600 }), null);
  });

  it('says the wait in Vietnamese', () => {
    assert.equal(waitText(45), '45 giây');
    assert.equal(waitText(61), '2 phút');
  });
});
