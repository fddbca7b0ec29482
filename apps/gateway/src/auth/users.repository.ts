import { isDuplicateKey } from '@khao/persistence';
import type { UserDoc, UserModel } from './user.schema.js';

export type NewUser = Pick<UserDoc, 'email' | 'name' | 'role' | 'passwordHash'>;

/** The only place that touches the users collection. Returns plain objects. */
export class UsersRepository {
  constructor(private readonly model: UserModel) {}

  findByEmail(email: string): Promise<UserDoc | null> {
    return this.model.findOne({ email: email.trim().toLowerCase() }).lean<UserDoc>().exec();
  }

  findById(id: string): Promise<UserDoc | null> {
    return this.model.findById(id).lean<UserDoc>().exec();
  }

  list(): Promise<UserDoc[]> {
    return this.model.find().sort({ email: 1 }).limit(1000).lean<UserDoc[]>().exec();
  }

  /** Creates the user unless the e-mail is taken; returns whether it did. */
  async createIfAbsent(user: NewUser): Promise<boolean> {
    try {
      await this.model.create(user);
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  update(id: string, changes: Partial<UserDoc>): Promise<UserDoc | null> {
    return this.model.findByIdAndUpdate(id, { $set: changes }, { new: true }).lean<UserDoc>().exec();
  }

  async ensureIndexes(): Promise<void> {
    await this.model.createIndexes();
  }
}
