// The search benchmarks' archive (bench:search, bench:search-compare): story `i` of a fixed seed, each a published
// Thai version of six paragraphs and a published English one, as read from the database, and the query mix.
import v8 from 'node:v8';
import { Stories } from '../apps/articles/dist/stories/story.schema.js';
import { derive } from '../apps/articles/dist/stories/story-state.js';
import { topics as archiveTopics } from './lib.mjs';

const provinces = ['อุดรธานี', 'ขอนแก่น', 'เชียงใหม่', 'นครศรีธรรมราช', 'สงขลา', 'อุบลราชธานี', 'น่าน', 'ตรัง', 'ลำปาง', 'สุรินทร์'];
const places = ['หนองบัว', 'บ้านดุง', 'แม่ทะ', 'หาดใหญ่', 'เกาะลิบง', 'ท่าตูม', 'คลองท่อม', 'สันติสุข', 'กุมภวาปี', 'นาข่า'];
const people = ['นายสมชาย ใจดี', 'นางสมหมาย ใจงาม', 'ผศ.ดร.วิไลวรรณ ทองดี', 'ว่าที่ร้อยตรีประเสริฐ บุญมา', 'นางสาวพรทิพย์ แสงทอง'];
const topics = [
  ...archiveTopics,
  ['สุขภาพ', 'สปสช. หนุนกองทุนสุขภาพตำบลดูแลผู้ป่วยติดเตียง'],
  ['ประมงพื้นบ้าน', 'ชาวประมงพื้นบ้านฟื้นแหล่งหญ้าทะเลให้พะยูน'],
];
const clauses = [
  'ผู้แทนชุมชนกล่าวว่าเราอยากให้ลูกหลานมีบ้านที่มั่นคง',
  'สถาบันพัฒนาองค์กรชุมชน (พอช.) สนับสนุนงบประมาณและการจัดทำแผน',
  'ชาวบ้านกว่าสองร้อยคนเข้าร่วมเวทีที่ศาลาประชาคม',
  'หน่วยงานท้องถิ่นรับข้อเสนอไปพิจารณาในการประชุมสภาครั้งหน้า',
  'กลุ่มออมทรัพย์มีสมาชิกเพิ่มขึ้นทุกปีตั้งแต่ก่อตั้ง',
  'อบต. ร่วมกับโรงเรียนในตำบลจัดอบรมเยาวชนเรื่องการคัดแยกขยะ',
  'อาสาสมัครสาธารณสุขประจำหมู่บ้าน (อสม.) ออกเยี่ยมบ้านผู้สูงอายุทุกสัปดาห์',
  'ร้านค้าชุมชนรับซื้อผลผลิตในราคาเป็นธรรม แล้วขายตรงถึงผู้บริโภค',
  'เครือข่ายป่าชุมชนปลูกต้นไม้เพิ่มสามพันต้นก่อนฤดูฝน',
  'ธนาคารข้าวให้สมาชิกยืมเมล็ดพันธุ์แล้วคืนเป็นข้าวเปลือกหลังเก็บเกี่ยว',
];
const english = [
  'Community councils and CODI held a two-day forum on secure housing by the lake.',
  'Volunteers cooked a thousand meals a day for flooded households.',
  'Fishers replanted thirty rai of seagrass and dugongs came back to feed.',
  'The savings group lends to rice farmers and rubber tappers at low interest.',
];

function version(language, title, summary, body, at) {
  return {
    language,
    title,
    summary,
    body,
    seo: {},
    slug: '',
    status: 'published',
    revision: 1,
    scheduledAt: null,
    publishedAt: at,
    updatedAt: at,
    updatedBy: 'bench',
    translationOf: language === 'th' ? null : 'th',
  };
}

export function makeStory(i, rnd) {
  const pick = (a) => a[Math.floor(rnd() * a.length)];
  const at = new Date(Date.UTC(2017, 0, 1) + i * 3_600_000);
  const province = pick(provinces);
  const place = pick(places);
  const [category, headline] = pick(topics);
  const body = Array.from({ length: 6 }, () => `<p>${pick(clauses)} ${pick(people)} กล่าว ${pick(clauses)}</p>`).join(
    '',
  );
  const doc = Stories.schema.parse({
    _id: (0x6b000000 + i).toString(16).padStart(24, '0'),
    revision: 1,
    sourceLanguage: 'th',
    dateline: { place, province },
    eventDate: { start: at },
    categories: [category],
    tags: [province, category],
    byline: 'กองบรรณาธิการ',
    coverMediaId: null,
    galleryMediaIds: [],
    versions: [
      version('th', `${place} ${province}: ${headline} ครั้งที่ ${i}`, pick(clauses), body, at),
      version('en', `${province}: ${pick(english)}`, pick(english), `<p>${pick(english)} ${pick(english)}</p>`, at),
    ],
    createdBy: 'bench',
    createdAt: at,
    updatedAt: at,
  }); // the stored defaults filled, as an insert does
  derive(doc);
  // As read from the database: flat strings (the analysed terms are joined ropes until then, which would count as
  // heap the index frees when it reads them).
  return v8.deserialize(v8.serialize(doc));
}

export const queries = {
  'common word': ['ชุมชน', 'ชาวบ้าน', 'community'],
  'rare word': ['ครั้งที่ 4321', 'พะยูน', 'ครัวกลาง'],
  'unspaced words apart': ['ป่าชุมชนน่าน', 'บ้านมั่นคงอุดรธานี', 'ผู้สูงอายุสุรินทร์'],
  'abbreviation, person': ['ส.ป.ส.ช.', 'อบต', 'ผศ.ดร.วิไลวรรณ'],
  year: ['2560', '2019'],
  english: ['flooded households', 'dugong seagrass'],
  'misspelt (did you mean)': ['ลาดตระเวร', 'seegrass'],
};
