/** OpenAPI examples: the organisation's own kind of story. */
export const examples = {
  create: {
    sourceLanguage: 'th',
    dateline: { place: 'ศาลากลางจังหวัดอุดรธานี', province: 'อุดรธานี' },
    eventDate: { start: '2017-04-10', end: '2017-04-11' },
    categories: ['บ้านมั่นคง'],
    tags: ['สภาองค์กรชุมชน', 'พอช.'],
    byline: 'กองบรรณาธิการ',
    coverMediaId: null,
    galleryMediaIds: [],
    version: {
      title: 'สภาองค์กรชุมชนอุดรธานีร่วมวางแผนพัฒนาที่อยู่อาศัย',
      summary: 'เวทีสองวันที่ศาลากลางจังหวัด ชาวบ้านกว่า 200 คนร่วมกำหนดแผน',
      body: '<p>“เราอยากมีบ้านที่มั่นคง” ผู้แทนชุมชนกล่าว</p>',
    },
  },
  patch: { tags: ['สภาองค์กรชุมชน', 'CODI'], byline: 'ทีมข่าวภาคอีสาน' },
  english: {
    title: 'Udon Thani community councils plan their own housing',
    summary: 'Over two days at the provincial hall, more than 200 residents set out a plan.',
    body: '<p>“We want secure homes,” a community representative said.</p>',
  },
  import: {
    stories: [
      {
        sourceLanguage: 'th',
        dateline: { province: 'น่าน' },
        categories: ['ป่าชุมชน'],
        tags: ['สภาองค์กรชุมชน'],
        byline: 'กองบรรณาธิการ',
        versions: [
          {
            language: 'th',
            title: 'ชาวบ้านน่านร่วมกันดูแลป่าชุมชนต้นน้ำ',
            summary: 'เครือข่ายป่าชุมชนเจ็ดหมู่บ้านตั้งกติกาการใช้ป่าร่วมกัน',
            body: '<p>ผู้ใหญ่บ้านกล่าวว่า “ป่าคือชีวิตของเรา”</p>',
            publishedAt: '2019-06-05T09:30:00+07:00',
          },
        ],
      },
    ],
  },
};
