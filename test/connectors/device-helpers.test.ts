import type { MapContext } from '../../src/connectors/contract';
import { deviceOwner, osPlatformOf, serialOf, usbHexId, usbIdsOfPnp } from '../../src/connectors/helpers/devices';
import { accountIpSessionKey, sessionDraft, sessionEnd } from '../../src/connectors/helpers/sessions';

const map = new Map([
  ['ana@corp.example', 'emp-1'],
  ['laptop-7', 'emp-2'],
]);
const ctx: MapContext = { source: 'test', subjectIdFor: (account) => map.get(account.toLowerCase()) };

describe('device helpers', () => {
  it('ties a record by the user it names, else by the device name, and names what it could not tie', () => {
    expect(deviceOwner(ctx, [undefined, 'Ana@corp.example'], 'laptop-7')).toEqual({ subjectId: 'emp-1', accountId: 'Ana@corp.example', byDevice: false });
    expect(deviceOwner(ctx, [undefined, ''], 'LAPTOP-7')).toEqual({ subjectId: 'emp-2', accountId: 'LAPTOP-7', byDevice: true });
    expect(deviceOwner(ctx, ['contractor@corp.example'], 'laptop-7')).toEqual({ subjectId: 'emp-2', accountId: 'laptop-7', byDevice: true });
    expect(deviceOwner(ctx, ['contractor@corp.example'], 'kiosk')).toEqual({ skip: 'no subject for account "contractor@corp.example" or device "kiosk"' });
    expect(deviceOwner(ctx, [], 'kiosk')).toEqual({ skip: 'no subject for device "kiosk" (add it to the subject map)' });
    expect(deviceOwner(ctx, [], undefined)).toEqual({ skip: 'no user and no device name: nothing ties the record to a subject' });
  });

  it('reads USB ids as four hex digits, from plain ids and from Windows PnP ids', () => {
    expect(['1d6b', '0x1D6B', '4b4', ' 0781 '].map(usbHexId)).toEqual(['1d6b', '1d6b', '04b4', '0781']);
    expect(['', 'zz12', '12345', '0x'].map(usbHexId)).toEqual([undefined, undefined, undefined, undefined]);
    expect(usbIdsOfPnp('USB\\VID_1D6B&PID_0104\\CAFEBABE')).toEqual({ vendorId: '1d6b', productId: '0104' });
    expect(usbIdsOfPnp('SWD\\WPDBUSENUM\\X')).toBeUndefined();
  });

  it('drops placeholder serials and knows OS families, never guessing others', () => {
    expect(['7GQK3Q3', 'To be filled by O.E.M.', 'Not Specified', '0', '', 42].map(serialOf)).toEqual([
      '7GQK3Q3',
      undefined,
      undefined,
      undefined,
      undefined,
      '42',
    ]);
    expect(['darwin', 'Windows', 'iPadOS', 'ubuntu', 'Holographic OS'].map(osPlatformOf)).toEqual(['macos', 'windows', 'ios', 'linux', undefined]);
  });

  it('holds a session only when there is a key for its end', () => {
    expect(sessionDraft({ id: 'a' }, 'k')).toEqual({ recordType: 'event', record: { id: 'a' }, endKey: 'k' });
    expect(sessionDraft({ id: 'a' }, undefined)).toEqual({ recordType: 'event', record: { id: 'a' } });
    expect(sessionDraft({ id: 'a' }, '')).toEqual({ recordType: 'event', record: { id: 'a' } });
    expect(sessionEnd('k', '2024-04-02T00:00:00.000Z')).toEqual({ key: 'k', at: '2024-04-02T00:00:00.000Z' });
    expect(accountIpSessionKey('Ana@corp.example', '203.0.113.7')).toBe(accountIpSessionKey('ana@corp.example', '203.0.113.7'));
    expect(accountIpSessionKey('ana@corp.example', undefined)).not.toBe(accountIpSessionKey('ana@corp.example', '203.0.113.7'));
  });
});
