import { RoleGrant, User } from './entities/user.entity';

export * from './entities/user.entity';
export * from './identity.service';
export * from './accounts.service';
export * from './password';
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './dto/user.input';
export * from './identity.module';

export const IDENTITY_ENTITIES = [User, RoleGrant];
export * from './identity-rows';
export * from './accounts-of-teachers';
export * from './mailer';
