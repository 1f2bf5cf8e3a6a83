import { buildWatchlistIndex, defaultNameThreshold, nameSimilarity, nameTokens, phoneticKey, registrableDomain, type Watchlist } from '../../src/index';

describe('registrableDomain', () => {
  it('handles hosts, URLs, e-mail addresses and multi-part suffixes', () => {
    expect(registrableDomain('mail.dev.example.com')).toBe('example.com');
    expect(registrableDomain('https://www.Example.co.uk:8443/path?q=1')).toBe('example.co.uk');
    expect(registrableDomain('jo@sub.example.com.au')).toBe('example.com.au');
    expect(registrableDomain('example.com.')).toBe('example.com');
    expect(registrableDomain('not a domain')).toBeUndefined();
    expect(registrableDomain('www.example.com.kp')).toBe('example.com.kp');
    expect(registrableDomain('com.kp')).toBeUndefined();
  });
  it('never indexes a public suffix, so a list entry cannot stand for a whole country', () => {
    const list: Watchlist = {
      name: 'l',
      kind: 'seized-domains',
      entries: [
        { id: 'cc', type: 'domain', value: 'com.kp' },
        { id: 'uk', type: 'domain', value: 'co.uk' },
        { id: 'front', type: 'domain', value: 'front-co.com.kp' },
      ],
    };
    const index = buildWatchlistIndex([list], defaultNameThreshold);
    expect(index.match('domain', 'mail.other.com.kp')).toEqual([]);
    expect(index.match('domain', 'example.co.uk')).toEqual([]);
    expect(index.match('email', 'jo@front-co.com.kp').map((m) => m.entry.id)).toEqual(['front']);
  });
});

describe('fuzzy names', () => {
  it('merges common romanisation variants in one phonetic key', () => {
    expect(phoneticKey('jong')).toBe(phoneticKey('chong'));
    expect(phoneticKey('jeong')).toBe(phoneticKey('jong'));
    expect(phoneticKey('kwang')).toBe(phoneticKey('gwang'));
    expect(phoneticKey('park')).toBe(phoneticKey('pak'));
    expect(phoneticKey('lee')).toBe(phoneticKey('ri'));
    expect(phoneticKey('mohammed')).toBe(phoneticKey('muhammad'));
    expect(phoneticKey('smith')).not.toBe(phoneticKey('jones'));
  });
  it('scores word order, diacritics and variants high, and partial names below the threshold', () => {
    const t = (s: string) => nameTokens(s);
    expect(nameSimilarity(t('Kim Kwang Jin'), t('Jin, KIM Kwang'))).toBe(1);
    expect(nameSimilarity(t('Jong Pong Ju'), t('Chong Bong Ju'))).toBeGreaterThanOrEqual(defaultNameThreshold);
    expect(nameSimilarity(t('José Álvarez'), t('Jose Alvarez'))).toBe(1);
    expect(nameSimilarity(t('Kim Kwang Jin'), t('Kim Jin'))).toBeLessThan(defaultNameThreshold);
    expect(nameSimilarity(t('Kim Kwang Jin'), t('Kim Min Ho'))).toBeLessThan(defaultNameThreshold);
    expect(nameSimilarity([], t('x'))).toBe(0);
  });
  it('folds letters NFKD does not decompose and keeps letters of every script', () => {
    expect(nameTokens('Łukasz STRAUß')).toEqual(['lukasz', 'strauss']);
    expect(nameTokens('Søren Kierkegaard')).toEqual(['soren', 'kierkegaard']);
    expect(nameTokens('Иван Петров')).toEqual(['иван', 'петров']);
    expect(nameTokens('Kim Kwang-Jin')).toEqual(['kim', 'kwang', 'jin']);
    expect(phoneticKey('иван')).toBe('иван');
  });
  it('screens names written in other scripts like Latin ones: a match in the same script, no bucket of every non-Latin name', () => {
    const list: Watchlist = {
      name: 'l',
      kind: 'sanctions',
      entries: [
        { id: 'cyr', type: 'name', value: 'Петров Иван' },
        { id: 'han', type: 'name', value: '김재원' },
        { id: 'lat', type: 'name', value: 'Strauss Lukasz' },
      ],
    };
    const index = buildWatchlistIndex([list], defaultNameThreshold);
    expect(index.match('name', 'Иван Петров').map((m) => m.entry.id)).toEqual(['cyr']);
    expect(index.match('name', 'Иван Сидоров')).toEqual([]);
    expect(index.match('name', '박민수')).toEqual([]);
    expect(index.match('name', 'Łukasz Strauß').map((m) => m.entry.id)).toEqual(['lat']);
    // Split or joined differently: one name.
    expect(index.match('name', 'Strauss Łu-kasz').map((m) => [m.entry.id, m.quality])).toEqual([['lat', 'exact-name']]);
    expect(index.match('name', '김재 원').map((m) => [m.entry.id, m.quality])).toEqual([['han', 'exact-name']]);
  });
  it('drops legal forms from organisation names', () => {
    expect(nameTokens('Acme Holdings Ltd.', true)).toEqual(['acme']);
  });
  it('blocks candidates so a large list is not compared all-pairs', () => {
    const entries = Array.from({ length: 50_000 }, (_, i) => ({ id: `e${i}`, type: 'name' as const, value: `Person${i} Surname${i % 997}` }));
    const list: Watchlist = { name: 'big', kind: 'internal', entries: [...entries, { id: 'target', type: 'name', value: 'Chang Nam Il' }] };
    const index = buildWatchlistIndex([list], defaultNameThreshold);
    const hits = index.match('name', 'Jang Nam Il');
    expect(hits.map((h) => h.entry.id)).toEqual(['target']);
    expect(hits[0]!.quality).toBe('fuzzy-name');
    // Counted work, not a stopwatch: all-pairs would compare each look-up with 50,001 names.
    expect(index.nameCandidates('name', 'Jang Nam Il')).toBeLessThanOrEqual(10);
    expect(index.nameCandidates('name', 'Person17 Surname17')).toBeLessThan(500);
  });
});
