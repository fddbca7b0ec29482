import { createLogger } from '@khao/logging';
import { loadConfigOrExit } from '@khao/runtime';
import { connectMongo } from '@khao/persistence';
import { ChannelsRepository } from './channels/channels.repository.js';
import { CredentialsCipher } from './channels/credentials-cipher.js';
import { resealCredentials } from './channels/reseal.js';
import { SocialConfigSchema } from './config.js';

// `npm run social:reseal`: after rotating SOCIAL_CREDENTIALS_KEY (the old key in SOCIAL_PREVIOUS_CREDENTIALS_KEYS),
// rewrites the stored credentials with the new key, with the social service's own configuration.
const config = loadConfigOrExit('social', SocialConfigSchema);
const logger = createLogger({ service: 'social-reseal', level: config.LOG_LEVEL });
const mongo = await connectMongo({ url: config.MONGO_URL, dbName: config.MONGO_DB ?? 'social', logger });
try {
  const cipher = new CredentialsCipher(config.SOCIAL_CREDENTIALS_KEY, config.SOCIAL_PREVIOUS_CREDENTIALS_KEYS);
  const report = await resealCredentials(new ChannelsRepository(mongo), cipher, logger);
  process.stdout.write(
    `re-sealed ${report.resealed} of ${report.channels} channels' credentials with key ${cipher.currentKeyId}` +
      (report.skipped ? `; ${report.skipped} changed meanwhile: run again` : '') +
      '\n',
  );
  process.exitCode = report.skipped ? 1 : 0;
} finally {
  await mongo.close();
}
