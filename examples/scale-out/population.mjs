// A seeded synthetic population, generated one subject at a time so that ten million never sit in
// memory: each subject's record and events depend only on its index. About one subject in eight is
// in a laptop farm (four share a ship-to address, a payout account and a sign-in IP at one time),
// households of two share a home address, rings of five share a phone; the rest have their own.

/** The subject id of index `i`: fixed width, so ids sort in index order. */
export function subjectId(i) {
  return `c-${String(i).padStart(8, '0')}`;
}

/** Subject `i` and its events, as an HR export and an identity provider would give them. */
export function subjectAt(i) {
  const id = subjectId(i);
  const farm = i % 32 < 4 ? Math.floor(i / 32) : -1;
  const household = i - (i % 2);
  const ring = i % 97 < 5 ? Math.floor(i / 97) : -1;
  const subject = {
    id,
    identity: {
      names: [{ value: `Person ${i}`, kind: 'legal' }],
      residence: { address: { line1: `${household} Main Street`, city: 'Springfield', postalCode: String(10_000 + (household % 89_000)), country: 'US' } },
    },
    contacts: {
      emails: [{ address: `person.${i}@example.com` }],
      phones: [{ number: `+1 ${ring >= 0 ? 2_025_550_000 + (ring % 10_000) : 3_000_000_000 + i}` }],
    },
    paymentInstructions: [
      { id: `${id}-pay`, at: '2025-03-01T00:00:00Z', method: 'bank', accountHolderName: `Person ${i}`, accountNumber: farm >= 0 ? `FARM${farm}` : `ACCT${i}` },
    ],
    ...(farm >= 0
      ? { shipments: [{ id: `${id}-ship`, shippedAt: '2025-02-25T10:00:00Z', address: { line1: `${farm} Farm Road`, postalCode: '37203', country: 'US' } }] }
      : {}),
  };
  const day = 1 + (i % 27);
  const ip = farm >= 0 ? `198.51.${Math.floor(farm / 250) % 256}.${farm % 250}` : `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`;
  // A working day in March and one in April, from the same IP.
  const events = ['03', '04'].map((month, n) => {
    const date = `2025-${month}-${String(day).padStart(2, '0')}`;
    return { id: `${id}-s${n + 1}`, subjectId: id, type: 'session', at: `${date}T09:00:00Z`, end: `${date}T17:00:00Z`, ip };
  });
  return { subject, events };
}
