import type { Language } from '@khao/contracts';

/** Page text in each language (the organisation's readers are Thai first). */
export const labels = {
  th: {
    languageName: 'ภาษาไทย',
    skip: 'ข้ามไปยังเนื้อหา',
    latest: 'ข่าวล่าสุด',
    noStories: 'ยังไม่มีข่าวที่เผยแพร่',
    organisation: 'ช่องทางขององค์กร',
    languages: 'ภาษา',
    share: 'แชร์ข่าวนี้',
    gallery: 'ภาพกิจกรรม',
    tags: 'แท็ก',
    by: 'โดย',
    published: 'เผยแพร่เมื่อ',
    datelineOn: 'เมื่อวันที่',
    feeds: 'ฟีดข่าว',
    links: { facebook: 'เฟซบุ๊ก', x: 'X', video: 'วิดีโอ', intranet: 'อินทราเน็ต', webmail: 'เว็บเมล' },
    shareOn: { facebook: 'Facebook', x: 'X', line: 'LINE', telegram: 'Telegram', whatsapp: 'WhatsApp', email: 'อีเมล' },
    notFound: { title: 'ไม่พบหน้าที่คุณต้องการ', text: 'ลิงก์นี้อาจพิมพ์ผิด หรือข่าวนี้ไม่มีอยู่แล้ว', home: 'กลับหน้าแรก' },
    gone: { title: 'ข่าวนี้ถูกถอนออกแล้ว', text: 'กองบรรณาธิการได้นำข่าวนี้ออกจากการเผยแพร่', home: 'กลับหน้าแรก' },
    unavailable: { title: 'ขออภัย ระบบขัดข้องชั่วคราว', text: 'กรุณาลองใหม่อีกครั้งในอีกสักครู่', home: 'กลับหน้าแรก' },
  },
  en: {
    languageName: 'English',
    skip: 'Skip to content',
    latest: 'Latest news',
    noStories: 'No stories published yet',
    organisation: 'Organisation links',
    languages: 'Language',
    share: 'Share this story',
    gallery: 'Photos',
    tags: 'Tags',
    by: 'By',
    published: 'Published',
    datelineOn: '',
    feeds: 'Feeds',
    links: { facebook: 'Facebook', x: 'X', video: 'Videos', intranet: 'Intranet', webmail: 'Webmail' },
    shareOn: {
      facebook: 'Facebook',
      x: 'X',
      line: 'LINE',
      telegram: 'Telegram',
      whatsapp: 'WhatsApp',
      email: 'E-mail',
    },
    notFound: {
      title: 'Page not found',
      text: 'The link may be mistyped, or the story no longer exists.',
      home: 'Back to the front page',
    },
    gone: {
      title: 'This story has been withdrawn',
      text: 'The editors have taken this story down.',
      home: 'Back to the front page',
    },
    unavailable: {
      title: 'Temporarily unavailable',
      text: 'Please try again in a moment.',
      home: 'Back to the front page',
    },
  },
} satisfies Record<Language, unknown>;

export const ogLocale: Record<Language, string> = { th: 'th_TH', en: 'en_US' };
