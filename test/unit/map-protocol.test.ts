// The ownership map webview's messages: only `{ type: 'refresh' }`, as structured clone
// delivers it, is a message; anything else is dropped without running any of its code.
import assert from 'node:assert/strict';
import { isMapMessage } from '../../src/extension/codeowners/mapProtocol';

describe('ownership map: webview message validation', () => {
  it('accepts the refresh message, as sent and as structured clone delivers it', () => {
    assert.equal(isMapMessage({ type: 'refresh' }), true);
    assert.equal(isMapMessage(structuredClone({ type: 'refresh' })), true);
    assert.equal(isMapMessage(JSON.parse('{"type":"refresh"}')), true);
    assert.equal(isMapMessage(Object.assign(Object.create(null) as object, { type: 'refresh' })), true);
  });
  it('rejects non-objects and the wrong type', () => {
    for (const v of [undefined, null, 'refresh', 1, true, Symbol('refresh'), () => 'refresh', ['refresh'], [{ type: 'refresh' }]]) {
      assert.equal(isMapMessage(v), false, String(typeof v));
    }
    for (const type of ['Refresh', 'refresh ', '', 1, null, undefined, ['refresh'], { toString: () => 'refresh' }, new String('refresh'), `refresh${'x'.repeat(1_000_000)}`, 'x'.repeat(10_000_000)]) {
      assert.equal(isMapMessage({ type }), false, typeof type === 'string' ? `"${type.slice(0, 20)}"` : String(type));
    }
  });
  it('rejects extra keys, symbol keys and a __proto__ key', () => {
    assert.equal(isMapMessage({ type: 'refresh', extra: 1 }), false);
    assert.equal(isMapMessage({ type: 'refresh', [Symbol('x')]: 1 }), false);
    assert.equal(isMapMessage(JSON.parse('{"type":"refresh","__proto__":{"polluted":true}}')), false);
    assert.equal(isMapMessage(JSON.parse('{"__proto__":{"type":"refresh"}}')), false);
    const hidden = { type: 'refresh' };
    Object.defineProperty(hidden, 'secret', { value: 1, enumerable: false });
    assert.equal(isMapMessage(hidden), false, 'a non-enumerable key is still a key');
  });
  it('rejects an inherited type, a foreign prototype and a class instance', () => {
    assert.equal(isMapMessage(Object.create({ type: 'refresh' }) as object), false);
    const withProto = Object.create({ evil: () => 1 }) as { type: string };
    withProto.type = 'refresh';
    assert.equal(isMapMessage(withProto), false);
    class Message {
      type = 'refresh';
    }
    assert.equal(isMapMessage(new Message()), false);
  });
  it('never runs a getter or a proxy trap result as a message, and never throws', () => {
    let ran = false;
    const getter = {
      get type() {
        ran = true;
        return 'refresh';
      },
    };
    assert.equal(isMapMessage(getter), false);
    assert.equal(ran, false, 'the getter did not run');
    const throwing = new Proxy({ type: 'refresh' }, { ownKeys: () => { throw new Error('trap'); }, getPrototypeOf: () => Object.prototype });
    assert.equal(isMapMessage(throwing), false);
  });
});
