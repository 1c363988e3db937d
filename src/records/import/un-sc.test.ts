import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { DocumentData, GroupData, PersonData } from '../record.ts';
import { validateData } from '../record.ts';
import type { ImportItem, ImportProblem } from './import-item.ts';
import { parseUnSc } from './un-sc.ts';

const FIXTURE = fileURLToPath(new URL('../../../fixtures/un-sc-consolidated-2026-05-08.xml', import.meta.url));
const ARABIC = /[\u0600-\u06FF]/;

interface Run {
  items: ImportItem[];
  problems: ImportProblem[];
  progress: Array<[number, number | undefined]>;
  ms: number;
}

async function run(input: NodeJS.ReadableStream | string): Promise<Run> {
  const out: Run = { items: [], problems: [], progress: [], ms: 0 };
  const started = performance.now();
  const opts = {
    onProblem: (p: ImportProblem) => out.problems.push(p),
    onProgress: (bytes: number, total: number | undefined) => out.progress.push([bytes, total]),
  };
  for await (const item of parseUnSc(input, opts)) out.items.push(item);
  out.ms = performance.now() - started;
  return out;
}

const fixture = run(FIXTURE);
const byId = async (id: string) => (await fixture).items.find((i) => i.externalId === id);
const ofKind = async (kind: string) => (await fixture).items.filter((i) => i.kind === kind);
const problemsAt = async (ref: string) => (await fixture).problems.filter((p) => p.position.includes(`(${ref},`));
const legalBasis = (list: string, ref: string, listed: string) => ({
  tlp: 'CLEAR',
  legalBasisCode: 'unsc_consolidated_list',
  legalBasis: `UN Security Council sanctions list ${list} (${ref}), listed ${listed}`,
});
const INTERPOL_LINK = 'INTERPOL-UN Security Council Special Notice web link:https://www.interpol.int/en/How-we-work/Notices/View-UN-Notices-Individuals';

/** Buffers of a few bytes, so that chunk boundaries fall inside multi-byte characters. */
const byteStream = (xml: string, size = 5) => {
  const bytes = Buffer.from(xml);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
};

describe('parseUnSc on the UN consolidated list of 2026-05-08', () => {
  it('yields exactly 737 persons and 272 groups, in well under two seconds', async () => {
    const { ms } = await fixture;
    assert.equal((await ofKind('person')).length, 737);
    assert.equal((await ofKind('group')).length, 272);
    assert.equal((await ofKind('document')).length, 498);
    assert.ok(ms < 2000, `took ${ms} ms`);
  });

  it('gives every item a unique externalId and yields each document before the person that links to it', async () => {
    const { items } = await fixture;
    assert.equal(new Set(items.map((i) => i.externalId)).size, items.length);
    const seen = new Set<string>();
    for (const item of items) {
      for (const link of item.links ?? []) {
        assert.equal(link.type, 'holder_of');
        assert.ok(seen.has(link.toExternalId), `${link.toExternalId} comes after ${item.externalId}`);
        assert.match(link.toExternalId, new RegExp(`^${item.externalId.replace('.', '\\.')}#doc\\d+$`));
      }
      seen.add(item.externalId);
    }
    const linked = (await ofKind('person')).flatMap((p) => p.links ?? []).length;
    assert.equal(linked, (await ofKind('document')).length);
  });

  it('keeps Arabic text intact: 330 persons have an Arabic-script original name and no name holds U+FFFD', async () => {
    const persons = await ofKind('person');
    const names = (p: ImportItem) => (p.data as PersonData).names;
    const arabicOriginal = persons.filter((p) => names(p).some((n) => n.type === 'original' && ARABIC.test(n.value)));
    assert.equal(arabicOriginal.length, 330);
    // one more person, LYi.004, has Arabic only in an alias: "Akrin Saleh Akrin (أقرين صالح أقرين)"
    const anyArabic = persons.filter((p) => names(p).some((n) => ARABIC.test(n.value)));
    assert.deepEqual(
      anyArabic.filter((p) => !arabicOriginal.includes(p)).map((p) => p.externalId),
      ['LYi.004'],
    );
    const all = [...persons, ...(await ofKind('group'))].flatMap((i) => (i.data as PersonData | GroupData).names);
    assert.ok(all.every((n) => !n.value.includes('\uFFFD')));
  });

  it('sets lang ar on Arabic-script names without Persian/Urdu letters and ru on Cyrillic ones', async () => {
    const originals = (await ofKind('person')).flatMap((p) => (p.data as PersonData).names.filter((n) => n.type === 'original'));
    assert.equal(originals.length, 339);
    assert.equal(originals.filter((n) => n.script === 'Arab' && n.lang === 'ar').length, 234);
    assert.equal(originals.filter((n) => n.script === 'Arab' && n.lang === undefined).length, 96);
    assert.equal(originals.filter((n) => n.script === 'Cyrl' && n.lang === 'ru').length, 9);
  });

  it('produces data that validateData accepts for every person, group and document', async () => {
    for (const item of (await fixture).items) {
      assert.doesNotThrow(() => validateData(item.kind, item.data), item.externalId);
    }
  });

  it('splits aliases packed with ";" into separate names', async () => {
    const names = ((await byId('IRi.039'))!.data as PersonData).names.map((n) => n.value);
    // ALIAS_NAME "Qasim Soleimani; Qasem Sulaimani; Qasim Sulaimani; … Kasim Sulaymani"
    assert.deepEqual(names.slice(0, 9), [
      'QASEM SOLEIMANI',
      'Qasim Soleimani',
      'Qasem Sulaimani',
      'Qasim Sulaimani',
      'Qasim Sulaymani',
      'Qasem Sulaymani',
      'Kasim Soleimani',
      'Kasim Sulaimani',
      'Kasim Sulaymani',
    ]);
    const all = [...(await ofKind('person')), ...(await ofKind('group'))].flatMap((i) => (i.data as PersonData).names);
    assert.ok(all.every((n) => !n.value.includes(';')));
  });

  it('turns "Last, First" aliases around only when they hold one comma and no digits or brackets', async () => {
    const names = async (id: string) => ((await byId(id))!.data as PersonData).names.map((n) => n.value);
    assert.ok((await names('QDi.244')).includes('Hilarion Santos, III (third)'));
    assert.ok((await names('TAi.093')).includes('Khirullah Said Wali Khairkhwa, born in Kandahar on 01 Jan.1967'));
    assert.ok((await names('IRi.034')).includes('M. Javad Kareemi Sabet'), 'the "b)" enumeration is split too');
    const group = ((await byId('TAe.014'))!.data as GroupData).names.map((n) => n.value);
    assert.ok(group.includes('Haji Zar Jamil, Haji Abdul Baseer Money Changer'), 'entity names are never turned around');
  });

  it('strips prose from document numbers and keeps the listed text in remarks', async () => {
    const doc = async (id: string) => (await byId(id))!.data as DocumentData;
    assert.equal((await doc('QDi.400#doc1')).number, '654781'); // "Jordan 654781"
    assert.equal((await doc('QDi.334#doc2')).number, '00868774'); // "Qatari passport number 00868774"
    assert.equal((await doc('TAi.173#doc1')).number, 'AA3829182'); // "Pakistani passport number AA3829182"
    assert.equal((await doc('CFi.012#doc1')).number, 'D00000897'); // "CAR diplomatic passport no. D00000897"
    assert.equal((await doc('KPi.021#doc2')).number, '381110042'); // "381110042 (Expired 25 Jan. 2016)"
    assert.equal((await doc('SSi.003#doc1')).number, 'R00012098'); // "R00012098, South Sudan"
    assert.equal((await doc('TAi.135#doc1')).number, 'SE 012820'); // "Afghan passport number SE 012820"
    assert.equal((await doc('QDi.334#doc2')).remarks, 'expired on 27 Apr. 2014\nNumber as listed: Qatari passport number 00868774');
    for (const d of await ofKind('document')) {
      assert.doesNotMatch((d.data as DocumentData).number, /passport|number|\bno\b|identi/i, d.externalId);
    }
  });

  it('maps French and Spanish document types to passport and keeps their text', async () => {
    const docs = (await ofKind('document')).map((d) => d.data as DocumentData);
    const french = docs.filter((d) => d.typeText === 'Numéro de passeport');
    const spanish = docs.filter((d) => d.typeText === 'Número de pasaporte');
    assert.equal(french.length, 3);
    assert.equal(spanish.length, 3);
    assert.ok([...french, ...spanish].every((d) => d.type === 'passport'));
    const typeOf = async (id: string) => ((await byId(id))!.data as DocumentData).type;
    assert.equal(await typeOf('QDi.129#doc1'), 'driving_licence'); // "Counterfeit Danish driving licence number 20645897"
    assert.equal(await typeOf('QDi.340#doc2'), 'national_id'); // "French national identity card number …"
  });

  it('reports documents without digits in their number, with their line, and skips them', async () => {
    const problems = await problemsAt('QDi.060');
    assert.equal(problems.length, 3);
    assert.match(problems[0].position, /^INDIVIDUAL at line \d+ \(QDi\.060, DATAID 111735\) \/ INDIVIDUAL_DOCUMENT at line 26607$/);
    assert.equal((await byId('QDi.060'))!.links, undefined);
    assert.equal((await fixture).problems.filter((p) => /without digits/.test(p.message)).length, 11);
  });

  it('resolves UN country names, through the alias map where needed, and reports the rest', async () => {
    const persons = (await ofKind('person')).map((p) => p.data as PersonData);
    assert.equal(persons.filter((p) => p.nationalities?.includes('PRK')).length, 79);
    assert.equal(persons.filter((p) => p.nationalities?.includes('GBR')).length, 10);
    assert.deepEqual(((await byId('KPe.001'))!.data as GroupData).countries, ['PRK']);
    assert.deepEqual(((await byId('KPe.017'))!.data as GroupData).countries, ['HKG']);
    assert.deepEqual(((await byId('QDi.290'))!.data as PersonData).nationalities, ['RUS']);
    assert.match((await problemsAt('QDi.290'))[0].message, /"former Soviet Union" not resolved \(a former country \(USSR\)/);
    assert.equal((await problemsAt('QDi.290'))[0].warning, true);
    assert.match(((await byId('QDi.290'))!.data as PersonData).remarks ?? '', /^As listed, not understood \(not screened on\): nationality "former Soviet Union"\n\n/);
    assert.deepEqual(((await byId('KPe.040'))!.data as GroupData).countries, ['VGB', 'CHN']);
    // NATIONALITY "na": not available, and not Namibia
    assert.equal(((await byId('SDi.001'))!.data as PersonData).nationalities, undefined);
  });

  it('reads dates of birth given in NOTE and reports the ones it cannot read', async () => {
    const dates = async (id: string) => ((await byId(id))!.data as PersonData).birthDates;
    assert.deepEqual(await dates('QDi.306'), ['1977-08/1977-09', '1976']); // NOTE "Between Aug. and Sep. 1977"
    // NOTE "24/06/1402 (Hijri Calendar)" and "30-35 years old"
    assert.match((await problemsAt('QDi.291'))[0].message, /^date of birth only in a NOTE/);
    assert.match((await problemsAt('LYi.022'))[0].message, /^date of birth only in a NOTE/);
    assert.equal(((await byId('LYi.022'))!.data as PersonData).birthDates, undefined);
  });

  it('reports progress in bytes up to the size of the file', async () => {
    const { progress } = await fixture;
    const size = statSync(FIXTURE).size;
    assert.ok(progress.length > 10);
    assert.deepEqual(progress.at(-1), [size, size]);
  });

  it('spot-checks QDi.400: Arabic original name, year of birth only, "Jordan 654781" passports', async () => {
    const base = legalBasis('Al-Qaida', 'QDi.400', '2017-02-22');
    assert.deepEqual(await byId('QDi.400#doc1'), {
      ...base,
      externalId: 'QDi.400#doc1',
      kind: 'document',
      data: { number: '654781', type: 'passport', typeText: 'Passport', status: 'unknown', remarks: 'approximately issued in 2009\nNumber as listed: Jordan 654781' },
    });
    assert.deepEqual(await byId('QDi.400#doc2'), {
      ...base,
      externalId: 'QDi.400#doc2',
      kind: 'document',
      data: {
        number: '286062',
        type: 'passport',
        typeText: 'Passport',
        status: 'unknown',
        remarks: 'issued on 5 April 1999 at Zarqa, Jordan, expired on 4 April 2004\nNumber as listed: Jordan 286062',
      },
    });
    assert.deepEqual(await byId('QDi.400'), {
      ...base,
      externalId: 'QDi.400',
      kind: 'person',
      data: {
        names: [
          { value: 'IYAD NAZMI SALIH KHALIL', script: 'Latn', type: 'primary' },
          { value: 'إياد نظمي صالح خليل', script: 'Arab', lang: 'ar', type: 'original' },
          { value: 'Ayyad Nazmi Salih Khalil', script: 'Latn', type: 'alias', quality: 'good' },
          { value: 'Eyad Nazmi Saleh Khalil', script: 'Latn', type: 'alias', quality: 'good' },
          { value: 'Iyad al-Toubasi', script: 'Latn', type: 'alias', quality: 'low' },
          { value: 'Iyad al-Tubasi', script: 'Latn', type: 'alias', quality: 'low' },
          { value: "Abu al-Darda'", script: 'Latn', type: 'alias', quality: 'low' },
          { value: 'Abu-Julaybib al-Urduni', script: 'Latn', type: 'alias', quality: 'low' },
          { value: 'Abu-Julaybib', script: 'Latn', type: 'alias', quality: 'low' },
        ],
        birthDates: ['1974'],
        placesOfBirth: ['Syrian Arab Republic'],
        nationalities: ['JOR'],
        remarks:
          'Leader of Al-Nusrah Front for the People of the Levant (QDe.137) for coastal area of Syrian Arab Republic since March 2016. Review pursuant to Security Council resolution 2610 (2021) was concluded on 8 November 2022. ' +
          INTERPOL_LINK,
      },
      links: [
        { type: 'holder_of', toExternalId: 'QDi.400#doc1' },
        { type: 'holder_of', toExternalId: 'QDi.400#doc2' },
      ],
    });
  });

  it('spot-checks TAi.153: Persian letters (no lang), a birth-year range, FOURTH_NAME "na" dropped', async () => {
    assert.deepEqual(await byId('TAi.153'), {
      ...legalBasis('Taliban', 'TAi.153', '2011-10-04'),
      externalId: 'TAi.153',
      kind: 'person',
      data: {
        names: [
          { value: 'FAIZULLAH KHAN NOORZAI', script: 'Latn', type: 'primary' },
          { value: 'فیض الله خان نورزی', script: 'Arab', type: 'original' },
          { value: 'Haji Faizullah Noor', script: 'Latn', type: 'alias', quality: 'good' },
          { value: 'Faizullah Noorzai Akhtar Mohammed Mira Khan', script: 'Latn', type: 'alias', quality: 'good' },
          { value: 'Haji Pazullah Noorzai', script: 'Latn', type: 'alias', quality: 'low' },
          { value: 'Haji Mullah Faizullah', script: 'Latn', type: 'alias', quality: 'low' },
          { value: 'حاجى فیض الله خان نورزى', script: 'Arab', type: 'alias', quality: 'good' },
          { value: 'Haji Faizullah Noori', script: 'Latn', type: 'alias', quality: 'good' },
        ],
        birthDates: ['1966', '1961', '1968/1970', '1962'],
        placesOfBirth: [
          'Lowy Kariz, Spin Boldak District, Kandahar Province, Afghanistan',
          'Kadanay, Spin Boldak District, Kandahar Province, Afghanistan',
          'Chaman, Baluchistan Province, Pakistan',
        ],
        nationalities: ['AFG'],
        remarks:
          'Prominent Taliban financier. As of mid-2009, supplied weapons,\nammunition, explosives and medical equipment to Taliban fighters; and raised funds for\n' +
          'the Taliban, and provided training to them, in the Afghanistan/Pakistan border region.\nHas previously organized and funded Taliban operations in Kandahar Province,\n' +
          'Afghanistan. As of 2010, travelled to and owned businesses in Dubai, United Arab\nEmirates, and Japan. Belongs to Noorzai tribe, Miralzai sub-tribe. Brother of Malik\n' +
          'Noorzai (TAi.154). Father’s name is Akhtar Mohammed (a.k.a.: Haji Mira Khan). ' +
          INTERPOL_LINK,
      },
    });
  });

  it('spot-checks QDi.398: exact date, gender, Cyrillic aliases in brackets, "8208 No. 555627" passport', async () => {
    const base = legalBasis('Al-Qaida', 'QDi.398', '2016-12-12');
    assert.deepEqual(await byId('QDi.398#doc1'), {
      ...base,
      externalId: 'QDi.398#doc1',
      kind: 'document',
      data: {
        number: '8208 555627',
        type: 'passport',
        typeText: 'Passport',
        status: 'unknown',
        remarks:
          'issued by Leninskiy Office, Directorate of the Federal Migration Service of the Russian Federation for the Republic of Dagestan\n' +
          'Number as listed: Russian passport number 8208 No. 555627',
      },
    });
    assert.deepEqual(await byId('QDi.398'), {
      ...base,
      externalId: 'QDi.398',
      kind: 'person',
      data: {
        names: [
          { value: 'RUSTAM MAGOMEDOVICH ASELDEROV', script: 'Latn', type: 'primary' },
          { value: 'Abu Muhammad', script: 'Latn', type: 'alias', quality: 'low' },
          { value: 'Абу Мухаммад', script: 'Cyrl', lang: 'ru', type: 'alias', quality: 'low' },
          { value: 'Abu Muhammad Al-Kadari', script: 'Latn', type: 'alias', quality: 'low' },
          { value: 'Абу Мухаммад Аль-Кадари', script: 'Cyrl', lang: 'ru', type: 'alias', quality: 'low' },
          { value: 'Muhamadmuhtar', script: 'Latn', type: 'alias', quality: 'low' },
          { value: 'Мухамадмухтар', script: 'Cyrl', lang: 'ru', type: 'alias', quality: 'low' },
        ],
        birthDates: ['1981-03-09'],
        placesOfBirth: ['Iki-Burul Village, Iki-Burulskiy District, Republic of Kalmykia, Russian Federation'],
        nationalities: ['RUS'],
        gender: 'male',
        remarks:
          'Led a group of over 160 terrorist fighters, which operates in the Republics of Dagestan, Chechnya and Ingushetia, Russian Federation. ' +
          'Killed on 3 December 2016 in Makhachkala, the Republic of Dagestan, Russian Federation. Photo available for inclusion in the INTERPOL-UN Security Council Special Notice. ' +
          'Review pursuant to Security Council resolution 2253 (2015) was concluded on 21 Feb. 2019. Review pursuant to Security Council resolution 2368 (2017) was concluded on 15 November 2021. ' +
          INTERPOL_LINK,
      },
      links: [{ type: 'holder_of', toExternalId: 'QDi.398#doc1' }],
    });
  });

  it('spot-checks SOi.004: "Last, First" aliases turned around, also inside quotes', async () => {
    const alias = (value: string) => ({ value, script: 'Latn', type: 'alias', quality: 'good' });
    assert.deepEqual(await byId('SOi.004'), {
      ...legalBasis('Somalia', 'SOi.004', '2010-04-12'),
      externalId: 'SOi.004',
      kind: 'person',
      data: {
        names: [
          { value: 'AHMED ABDI AW-MOHAMED', script: 'Latn', type: 'primary' },
          alias('Muktar Abdirahman ABU ZUBEYR'),
          alias('Muktar Abdulrahim ABUZUBAIR'),
          alias('Ahmed Abdi AW MOHAMMED'),
          alias('Ahmed Abdi AW-MOHAMUD'),
          alias('"GODANE"'),
          alias('"GODANI"'),
          alias('"Shaykh MUKHTAR"'),
          alias('"Abu ZUBEYR"'),
        ],
        birthDates: ['1977-07-10'],
        placesOfBirth: ['Hargeysa, Somalia'],
        nationalities: ['SOM'],
        remarks: INTERPOL_LINK,
      },
    });
  });

  it('spot-checks the entity QDe.146: Arabic names with their transliteration in brackets become two names', async () => {
    const aka = (value: string, script = 'Latn') => ({ value, script, ...(script === 'Arab' ? { lang: 'ar' } : {}), type: 'alias', quality: 'good' });
    assert.deepEqual(await byId('QDe.146'), {
      ...legalBasis('Al-Qaida', 'QDe.146', '2014-11-19'),
      externalId: 'QDe.146',
      kind: 'group',
      data: {
        names: [
          { value: 'ANSAR AL CHARIA BENGHAZI', script: 'Latn', type: 'primary' },
          { value: 'أنصار الشريعة - بنغازي', script: 'Arab', lang: 'ar', type: 'original' },
          aka('نصار الشريعة', 'Arab'),
          aka('Ansar al Charia'),
          aka('Ansar al-Charia'),
          aka('Ansar al-Sharia'),
          aka('Ansar al-Charia Benghazi'),
          aka('Ansar al-Sharia Benghazi'),
          aka('أنصار الشريعة بليبيا', 'Arab'),
          aka('Ansar al Charia in Libya (ASL)'),
          aka('كتيبة أنصار الشريعة', 'Arab'),
          aka('Katibat Ansar al Charia'),
          aka('Ansar al Sharia'),
        ],
        groupType: 'organisation',
        remarks:
          'Associated with the Organization of Al-Qaida in the Islamic Maghreb\n(QDe.014), Al Mourabitoun (QDe.141), Ansar al-Shari’a in Tunisia (AAS-T) (QDe.143), and\n' +
          'Ansar al Charia Derna (QDe.145). The leader is Mohamed al-Zahawi (not listed). Runs\ntraining camps for foreign terrorist fighters travelling to Syria, Iraq and\n' +
          'Mali. Review pursuant to Security Council resolution 2368 (2017) was concluded on 4 Dec. 2019. \n' +
          'Review pursuant to Security Council resolution 2610 (2021) was concluded on 30 October 2023. \n' +
          ' INTERPOL-UN Security Council Special Notice web link:https://www.interpol.int/en/How-we-work/Notices/View-UN-Notices-Entities',
      },
    });
  });
});

describe('parseUnSc on a stream', () => {
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST>
  <INDIVIDUALS>
    <INDIVIDUAL>
      <DATAID>101</DATAID>
      <FIRST_NAME> </FIRST_NAME>
      <UN_LIST_TYPE>Test</UN_LIST_TYPE>
      <REFERENCE_NUMBER>XXi.001</REFERENCE_NUMBER>
      <LISTED_ON>2020-01-01</LISTED_ON>
    </INDIVIDUAL>
    <INDIVIDUAL>
      <DATAID>102</DATAID>
      <FIRST_NAME>TEST</FIRST_NAME>
      <SECOND_NAME> PERSON </SECOND_NAME>
      <UN_LIST_TYPE>Test</UN_LIST_TYPE>
      <REFERENCE_NUMBER>XXi.002</REFERENCE_NUMBER>
      <LISTED_ON>2020-01-01-05:00</LISTED_ON>
      <NAME_ORIGINAL_SCRIPT>اختبار شخص</NAME_ORIGINAL_SCRIPT>
      <INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Person, Test</ALIAS_NAME></INDIVIDUAL_ALIAS>
    </INDIVIDUAL>
  </INDIVIDUALS>
  <ENTITIES/>
</CONSOLIDATED_LIST>`;

  it('reports an individual without a name with its line and reference, skips it and goes on', async () => {
    const { items, problems, progress } = await run(byteStream(xml));
    assert.deepEqual(problems, [{ position: 'INDIVIDUAL at line 4 (XXi.001, DATAID 101)', message: 'individual without any name: skipped' }]);
    assert.deepEqual(items, [
      {
        ...legalBasis('Test', 'XXi.002', '2020-01-01'),
        externalId: 'XXi.002',
        kind: 'person',
        data: {
          names: [
            { value: 'TEST PERSON', script: 'Latn', type: 'primary' },
            { value: 'اختبار شخص', script: 'Arab', lang: 'ar', type: 'original' },
            { value: 'Test Person', script: 'Latn', type: 'alias', quality: 'low' },
          ],
        },
      },
    ]);
    assert.deepEqual(progress.at(-1), [Buffer.byteLength(xml), undefined]);
  });

  it('drops and reports a name whose bytes are not valid UTF-8', async () => {
    const [head, tail] = xml.split('اختبار شخص');
    const corrupt = Buffer.concat([Buffer.from(head), Buffer.from([0xd8, 0x20, 0xd8]), Buffer.from(tail)]);
    const { items, problems } = await run(Readable.from([corrupt]));
    assert.deepEqual(
      (items[0].data as PersonData).names.map((n) => n.type),
      ['primary', 'alias'],
    );
    assert.deepEqual(problems[1], {
      position: 'INDIVIDUAL at line 11 (XXi.002, DATAID 102)',
      message: 'original name contains U+FFFD (text corrupted before it reached us): dropped',
      warning: true,
    });
  });

  it('imports an individual with an odd country, an impossible date, gender Other and a NUL byte in a name, keeping what it cannot read in remarks', async () => {
    const odd = xml
      .replace('<FIRST_NAME>TEST</FIRST_NAME>', '<FIRST_NAME>TE\u0000ST</FIRST_NAME><GENDER>Other</GENDER>')
      .replace(
        '<LISTED_ON>2020-01-01-05:00</LISTED_ON>',
        '<LISTED_ON>2020-01-01-05:00</LISTED_ON><COMMENTS1>Listed for testing.</COMMENTS1>' +
          '<NATIONALITY><VALUE>Yugoslavia</VALUE><VALUE>Syria</VALUE><VALUE>Laos</VALUE><VALUE>Atlantis</VALUE></NATIONALITY>' +
          '<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1968-13-30</DATE></INDIVIDUAL_DATE_OF_BIRTH>' +
          '<INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1984-2-01</DATE></INDIVIDUAL_DATE_OF_BIRTH>',
      );
    const { items, problems } = await run(byteStream(odd, 7));
    const person = items.find((i) => i.externalId === 'XXi.002')!.data as PersonData;
    assert.equal(person.names[0].value, 'TEST PERSON');
    assert.deepEqual(person.nationalities, ['SYR', 'LAO']);
    assert.deepEqual(person.birthDates, ['1984-02-01']);
    assert.equal(person.gender, undefined);
    assert.equal(
      person.remarks,
      'As listed, not understood (not screened on): date of birth "1968-13-30"; nationality "Yugoslavia"; nationality "Atlantis"; gender "Other"\n\nListed for testing.',
    );
    assert.doesNotThrow(() => validateData('person', person));
    const warnings = problems.filter((p) => p.warning).map((p) => p.message);
    assert.equal(warnings.length, 5, warnings.join('\n'));
    assert.match(warnings[0], /^1 control character \(U\+0000\) removed$/);
    assert.deepEqual(problems.filter((p) => !p.warning).map((p) => p.message), ['individual without any name: skipped']);
  });

  it('stops with the line and column of the error when the XML is not well-formed', async () => {
    const broken = xml.replace('<SECOND_NAME> PERSON </SECOND_NAME>', '<SECOND_NAME> PERSON </SECOND>');
    const problems: ImportProblem[] = [];
    await assert.rejects(async () => {
      for await (const _ of parseUnSc(byteStream(broken, 64), { onProblem: (p) => problems.push(p) }));
    }, { message: /^14:\d+: unexpected close tag/ });
    assert.equal(problems.length, 1, 'the nameless individual before the error was still reported');
  });
});
