// WeCom's documented limits, written once for wecom-core's checks, the services and the renderer's forms.
// Imports nothing, so any room may import it.
const MB = 1024 * 1024;

/** living/create and living/modify: the stricter of the create (characters) and modify (bytes) docs. */
export const LIVING_LIMITS = {
  themeChars: 20,
  themeBytes: 60,
  descriptionChars: 100,
  descriptionBytes: 300,
  activityImages: 5,
  /** A live's audience (invitees): users, departments and tags per request. */
  userids: 1000,
  departmentIds: 100,
  tagIds: 100,
} as const;

/** message/send */
export const MESSAGE_LIMITS = {
  touser: 1000,
  toparty: 100,
  totag: 100,
  textBytes: 2048,
  markdownBytes: 2048,
  textcardTitleBytes: 128,
  textcardDescriptionBytes: 512,
  textcardBtntxtChars: 4,
  articles: 8,
  mpnewsContentBytes: 666 * 1024,
  duplicateCheckIntervalSeconds: 4 * 3600,
} as const;

/** media/upload per type, in bytes; media/uploadimg; every file must be larger than MEDIA_MIN_BYTES. */
export const MEDIA_LIMITS = {
  image: 10 * MB,
  voice: 2 * MB,
  video: 10 * MB,
  file: 20 * MB,
} as const;
export const UPLOADIMG_LIMIT = 2 * MB;
export const MEDIA_MIN_BYTES = 5;
/** A media_id is valid for 3 days. */
export const MEDIA_ID_LIFETIME_MS = 3 * 24 * 3600 * 1000;

/** appchat/create and appchat/update */
export const APPCHAT_LIMITS = { nameChars: 50, minMembers: 2, maxMembers: 2000 } as const;
/** An app group chat id: up to 32 letters and digits. */
export const CHATID_PATTERN = /^[0-9a-zA-Z]{1,32}$/;

/** oa/schedule/add and oa/schedule/update (path/93648, 97720); schedule/get takes ≤1000 ids. */
export const SCHEDULE_LIMITS = {
  summaryChars: 128,
  descriptionChars: 1000,
  locationChars: 128,
  attendees: 1000,
  admins: 3,
  calIdBytes: 64,
  idsPerGet: 1000,
  schedulesPerAppPerDay: 20_000,
  /** The only values remind_before_event_secs accepts. */
  remindBeforeEventSecs: [0, 300, 900, 3600, 86_400],
} as const;
